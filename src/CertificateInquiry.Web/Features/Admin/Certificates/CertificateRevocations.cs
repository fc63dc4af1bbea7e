using System.Globalization;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.Shared;
using CertificateInquiry.Web.Features.Staff.Corrections;
using CertificateInquiry.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Admin.Certificates;

/// <summary>A certificate as the revocation page shows it (the holder by name only; no national code).</summary>
public sealed record CertificateSummary(
    long Id,
    string Number,
    CertificateKind Kind,
    string HolderName,
    string StandardTitle,
    int ProvinceId,
    string ProvinceName,
    DateOnly IssueDate,
    DateOnly? ExpiryDate,
    CertificateStatus Status,
    RecordSource Source,
    DateTime UpdatedAtUtc)
{
    public string KindTitle => CertificateTitles.Kind(Kind);

    public string StatusTitle => CertificateTitles.Status(Status);

    public string SourceTitle => CertificateTitles.Source(Source);
}

/// <summary>One line of a certificate's history in the staff audit trail.</summary>
public sealed record CertificateHistoryEntry(DateTime AtUtc, string UserName, string Action, string? Details);

/// <summary>A revoked certificate in the list, with the reason given when it was revoked here (null: revoked by an import).</summary>
public sealed record RevokedCertificateRow(long Id, string Number, string HolderName, string ProvinceName, DateTime UpdatedAtUtc, string? Reason);

public enum RevocationOutcome
{
    Done,

    /// <summary>The certificate already had that status (another admin, or the same button twice): nothing written.</summary>
    AlreadyThere,

    NotFound,
}

/// <summary>
/// Revoking a certificate and restoring it. The status changes by a conditional UPDATE (<c>WHERE Status = from</c>), so
/// of two admins acting at once only one changes it, and the change is written with its audit entry (from/to status and
/// the reason) in one transaction. The online lookup reads the certificate afresh on every inquiry, so it shows the new
/// status at once.
/// </summary>
public sealed class CertificateRevocations(AppDbContext db, StaffAuditTrail trail, TimeProvider clock, ILogger<CertificateRevocations> logger)
{
    public const string SubjectType = "Certificate";
    public const string RevokeAction = "certificate.revoke";
    public const string RestoreAction = "certificate.restore";
    public const int PageSize = 25;

    public Task<long?> FindIdAsync(string number, CancellationToken cancellationToken) =>
        db.Certificates.AsNoTracking().Where(c => c.Number == number).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);

    public Task<CertificateSummary?> FindAsync(long id, CancellationToken cancellationToken) =>
        db.Certificates.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CertificateSummary(
                c.Id, c.Number, c.Kind, c.Person!.FirstName + " " + c.Person.LastName, c.Standard!.Title, c.ProvinceId, c.Province!.Name,
                c.IssueDate, c.ExpiryDate, c.Status, c.Source, c.UpdatedAtUtc))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<CertificateHistoryEntry>> HistoryAsync(long id, CancellationToken cancellationToken)
    {
        var subjectId = id.ToString(CultureInfo.InvariantCulture);
        return await db.StaffAudit.AsNoTracking()
            .Where(e => e.SubjectType == SubjectType && e.SubjectId == subjectId)
            .OrderByDescending(e => e.Id)
            .Select(e => new CertificateHistoryEntry(e.AtUtc, e.UserName, e.Action, e.Details))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The record's changes by approved corrections, with old and new values (ADR-034).</summary>
    public Task<IReadOnlyList<CertificateChangeRow>> ChangesAsync(long id, CancellationToken cancellationToken) =>
        CertificateHistory.ForAsync(db, id, cancellationToken);

    public Task<RevocationOutcome> RevokeAsync(long id, string reason, CancellationToken cancellationToken) =>
        MoveAsync(id, CertificateStatus.Valid, CertificateStatus.Revoked, RevokeAction, reason, cancellationToken);

    public Task<RevocationOutcome> RestoreAsync(long id, string? reason, CancellationToken cancellationToken) =>
        MoveAsync(id, CertificateStatus.Revoked, CertificateStatus.Valid, RestoreAction, reason, cancellationToken);

    /// <summary>
    /// One page of the revoked certificates, the most recently changed first. This reads the certificates table without
    /// an index on status (one would cost every import, ADR-004); revocations are a national admin's occasional page.
    /// </summary>
    public async Task<(IReadOnlyList<RevokedCertificateRow> Rows, Paging Paging)> RevokedAsync(string? page, CancellationToken cancellationToken)
    {
        var revoked = db.Certificates.AsNoTracking().Where(c => c.Status == CertificateStatus.Revoked);
        var paging = Paging.For(page, PageSize, await revoked.CountAsync(cancellationToken));
        var rows = await revoked
            .OrderByDescending(c => c.UpdatedAtUtc).ThenByDescending(c => c.Id)
            .Page(paging)
            .Select(c => new { c.Id, c.Number, HolderName = c.Person!.FirstName + " " + c.Person.LastName, ProvinceName = c.Province!.Name, c.UpdatedAtUtc })
            .ToListAsync(cancellationToken);

        // The reason of each one's latest revocation here, in one query for the page.
        var ids = rows.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var reasons = (await db.StaffAudit.AsNoTracking()
                .Where(e => e.SubjectType == SubjectType && e.Action == RevokeAction && ids.Contains(e.SubjectId!))
                .Select(e => new { e.Id, e.SubjectId, e.Details })
                .ToListAsync(cancellationToken))
            .GroupBy(e => e.SubjectId!)
            .ToDictionary(g => g.Key, g => g.MaxBy(e => e.Id)!.Details, StringComparer.Ordinal);

        return (rows.Select(r => new RevokedCertificateRow(
            r.Id, r.Number, r.HolderName, r.ProvinceName, r.UpdatedAtUtc,
            reasons.GetValueOrDefault(r.Id.ToString(CultureInfo.InvariantCulture)))).ToList(), paging);
    }

    private async Task<RevocationOutcome> MoveAsync(
        long id, CertificateStatus from, CertificateStatus to, string action, string? reason, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var outcome = await strategy.ExecuteAsync(async cancellation =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
            var now = clock.GetUtcNow().UtcDateTime;
            var changed = await db.Certificates
                .Where(c => c.Id == id && c.Status == from)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.Status, to).SetProperty(c => c.UpdatedAtUtc, now), cancellation);
            if (changed == 0)
            {
                return await db.Certificates.AnyAsync(c => c.Id == id, cancellation) ? RevocationOutcome.AlreadyThere : RevocationOutcome.NotFound;
            }

            var provinceId = await db.Certificates.Where(c => c.Id == id).Select(c => c.ProvinceId).FirstAsync(cancellation);
            trail.Record(action, SubjectType, id.ToString(CultureInfo.InvariantCulture), provinceId, from.ToString(), to.ToString(),
                string.IsNullOrEmpty(reason) ? null : reason);
            await db.SaveChangesAsync(cancellation);
            await transaction.CommitAsync(cancellation);
            return RevocationOutcome.Done;
        }, cancellationToken);

        if (outcome == RevocationOutcome.Done)
        {
            logger.LogInformation("Certificate {CertificateId} moved from {From} to {To}", id, from, to);
        }

        return outcome;
    }
}
