using System.Globalization;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Corrections;
using CertificateInquiry.Web.Features.Holders.Corrections;
using CertificateInquiry.Web.Features.Shared;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Staff.Corrections;

/// <summary>A correction case as its page shows it.</summary>
public sealed record CorrectionCase(
    CertificateCorrection Correction,
    long CertificateId,
    string CertificateNumber,
    CertificateKind Kind,
    string HolderName,
    string ProvinceName,
    string FieldTitle,
    string ReportedValue,
    string RequestedValue,
    string CurrentValue,
    string? ProposedValue,
    int OtherCertificates,
    IReadOnlyList<CertificateChangeRow> History,
    IReadOnlyList<StaffAuditEntry> Trail,
    IReadOnlyList<(string Value, string Text)> Standards);

/// <summary>One line of the corrections queue.</summary>
public sealed record CorrectionQueueRow(long Id, string CertificateNumber, string FieldTitle, string ProvinceName, CorrectionStatus Status, DateTime ReportedAtUtc, string? ProposedByName);

/// <summary>The corrections queue: one page and the counts per status.</summary>
public sealed record CorrectionQueuePage(string Filter, IReadOnlyList<CorrectionQueueRow> Rows, Paging Paging, IReadOnlyDictionary<CorrectionStatus, int> Counts)
{
    public string PageUrl(int page) => "/admin/corrections?status=" + Filter + "&page=" + page.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Reads correction cases for the back-office, always narrowed to what the user may see (<see cref="StaffScope"/>).</summary>
public sealed class CorrectionCaseReader(AppDbContext db, StaffScope scope)
{
    public const int PageSize = 25;

    public const string Waiting = "waiting";
    public const string Proposed = "proposed";
    public const string Decided = "decided";

    private IQueryable<CertificateCorrection> Visible => scope.Restrict(db.CertificateCorrections.AsNoTracking(), c => (int?)c.ProvinceId);

    public async Task<CorrectionCase?> ReadAsync(long id, CancellationToken cancellationToken)
    {
        var correction = await Visible.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (correction is null)
        {
            return null;
        }

        var certificate = await db.Certificates.AsNoTracking().Include(c => c.Person).Include(c => c.Province)
            .SingleAsync(c => c.Id == correction.CertificateId, cancellationToken);
        var titles = await HolderCorrections.StandardTitlesAsync(db, cancellationToken);
        var others = CorrectionValues.IsName(correction.Field)
            ? await db.Certificates.CountAsync(c => c.PersonId == certificate.PersonId && c.Id != certificate.Id, cancellationToken)
            : 0;
        var subjectId = id.ToString(CultureInfo.InvariantCulture);
        var trail = await db.StaffAudit.AsNoTracking()
            .Where(e => e.SubjectType == CorrectionActions.SubjectType && e.SubjectId == subjectId)
            .OrderBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var standards = correction.Field == CorrectionField.Standard
            ? titles.OrderBy(t => t.Value, StringComparer.Ordinal).Select(t => (t.Key.ToString(CultureInfo.InvariantCulture), t.Value)).ToList()
            : [];
        string Show(string? value) => CorrectionValues.Display(correction.Field, value, titles);
        return new CorrectionCase(
            correction, certificate.Id, certificate.Number, certificate.Kind, certificate.Person!.FullName, certificate.Province!.Name,
            CorrectionValues.Title(correction.Field), Show(correction.ReportedValue), Show(correction.RequestedValue),
            Show(CorrectionValues.Current(correction.Field, certificate)), correction.ProposedValue is null ? null : Show(correction.ProposedValue),
            others, await CertificateHistory.ForAsync(db, certificate.Id, cancellationToken), trail, standards);
    }

    public async Task<CorrectionQueuePage> QueueAsync(string? filter, string? page, CancellationToken cancellationToken)
    {
        filter = filter is Proposed or Decided ? filter : Waiting;
        var counts = (await Visible.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(g => g.Key, g => g.Count);
        var query = filter switch
        {
            Proposed => Visible.Where(c => c.Status == CorrectionStatus.Proposed),
            Decided => Visible.Where(c => c.Status == CorrectionStatus.Corrected || c.Status == CorrectionStatus.Rejected),
            _ => Visible.Where(c => c.Status == CorrectionStatus.Open),
        };
        var paging = Paging.For(page, PageSize, await query.CountAsync(cancellationToken));
        var ordered = filter == Decided ? query.OrderByDescending(c => c.UpdatedAtUtc).ThenByDescending(c => c.Id) : query.OrderBy(c => c.Id);
        var rows = await ordered.Page(paging)
            .Select(c => new { c.Id, c.Certificate!.Number, c.Field, ProvinceName = db.Provinces.Where(p => p.Id == c.ProvinceId).Select(p => p.Name).First(), c.Status, c.CreatedAtUtc, c.ProposedByName })
            .ToListAsync(cancellationToken);
        return new CorrectionQueuePage(filter,
            rows.Select(r => new CorrectionQueueRow(r.Id, r.Number, CorrectionValues.Title(r.Field), r.ProvinceName, r.Status, r.CreatedAtUtc, r.ProposedByName)).ToList(),
            paging, counts);
    }

    /// <summary>The case's document, if the user may see the case and it has one.</summary>
    public Task<CertificateCorrection?> DocumentOfAsync(long id, CancellationToken cancellationToken) =>
        Visible.Where(c => c.Id == id && c.DocumentStoredName != null).SingleOrDefaultAsync(cancellationToken);
}
