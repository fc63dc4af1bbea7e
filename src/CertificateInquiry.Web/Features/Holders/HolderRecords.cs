using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.CertificateLookup;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Holders;

/// <summary>One of the holder's inquiry requests, as their page lists it.</summary>
public sealed record HolderRequestRow(string? TrackingCode, string StatusTitle, DateTime? SubmittedAtUtc, string? Trade, int? ExamYear, bool ByOrganization);

/// <summary>
/// What the holders' area reads of one holder, always by the identifier of the signed-in holder (never one from the
/// address or the form): every certificate and license under it, whatever the program and source, and their requests.
/// </summary>
public sealed class HolderRecords(AppDbContext db, ICertificateLookups lookups)
{
    /// <summary>Every certificate and license of the holder, oldest first.</summary>
    public Task<IReadOnlyList<CertificateRecord>> CertificatesAsync(string identifier) => lookups.FindAllByNationalCodeAsync(identifier);

    /// <summary>One of the holder's own certificates by its number; null when the number is not theirs.</summary>
    public async Task<CertificateRecord?> CertificateAsync(string identifier, string? number) =>
        string.IsNullOrEmpty(number) ? null : (await CertificatesAsync(identifier)).FirstOrDefault(record => record.Number == number);

    /// <summary>The holder's submitted inquiry requests (drafts are not theirs until submitted), newest first.</summary>
    public async Task<IReadOnlyList<HolderRequestRow>> RequestsAsync(string identifier, CancellationToken cancellationToken)
    {
        var requests = await db.Requests.AsNoTracking()
            .Where(r => r.NationalCode == identifier && r.Status != RequestStatus.Draft)
            .OrderByDescending(r => r.Id)
            .Take(50)
            .Select(r => new { Request = r, Trade = r.Standard != null ? r.Standard.Title : r.TradeText })
            .ToListAsync(cancellationToken);
        return [.. requests.Select(r => new HolderRequestRow(
            r.Request.TrackingCode, RequestStatusText.Current(r.Request), r.Request.SubmittedAtUtc, r.Trade, r.Request.ExamYear,
            r.Request.RequesterKind == RequesterKind.Organization))];
    }

    /// <summary>The person behind the identifier, if any certificate or license is recorded under it.</summary>
    public Task<long?> PersonIdAsync(string identifier, CancellationToken cancellationToken) =>
        db.People.Where(p => p.NationalCode == identifier).Select(p => (long?)p.Id).FirstOrDefaultAsync(cancellationToken);
}
