using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.AgencyApi;
using CertificateInquiry.Web.Features.Holders.Corrections;
using CertificateInquiry.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Holders.Checks;

/// <summary>One inquiry about the holder's records, as "who checked me" shows it.</summary>
public sealed record HolderCheckRow(DateTime OccurredAtUtc, string ChannelTitle, string? CertificateNumber, string? AgencyName, string? PurposeTitle, string OutcomeTitle);

/// <summary>
/// "Who checked me" (ADR-035), read from the inquiry audit: the entries about one of the holder's certificates (by its
/// id) and those that name the holder's national code (by its keyed hash: agencies, paper letters, share codes). No
/// national code is stored or compared in clear. An entry the holder must not learn of yet (judicial, or marked
/// confidential by its agency) is left out by the query itself until its purpose's delay has passed; the page never
/// says whether any is waiting, since that would tell the holder the very thing the delay keeps from them.
/// </summary>
public sealed class HolderChecks(AppDbContext db, InquiryAudit audit, IOptions<HolderCheckOptions> options, TimeProvider clock)
{
    /// <summary>How many of the newest inquiries the page shows.</summary>
    public const int Shown = 200;

    // The holder's own steps (following their request, downloading its letter) are not someone checking them.
    private static readonly InquiryChannel[] OwnChannels = [InquiryChannel.RequestTracking, InquiryChannel.LetterDownload];

    public async Task<IReadOnlyList<HolderCheckRow>> ListAsync(string identifier, CancellationToken cancellationToken)
    {
        var certificates = await HolderCertificates.Of(db.Certificates.AsNoTracking(), identifier)
            .Select(c => new { c.Id, c.Number })
            .ToDictionaryAsync(c => c.Id, c => c.Number, cancellationToken);
        var hash = audit.HashNationalCode(identifier);
        var ids = certificates.Keys.ToList();

        // Two queries, each on its own index, rather than one OR that neither database answers from an index.
        var byHash = await Visible(db.InquiryAudit.AsNoTracking().Where(e => e.NationalCodeHash == hash))
            .OrderByDescending(e => e.OccurredAtUtc).Take(Shown).ToListAsync(cancellationToken);
        var byCertificate = ids.Count == 0 ? [] : await Visible(db.InquiryAudit.AsNoTracking().Where(e => e.CertificateId != null && ids.Contains(e.CertificateId.Value)))
            .OrderByDescending(e => e.OccurredAtUtc).Take(Shown).ToListAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        var entries = byHash.Concat(byCertificate)
            .DistinctBy(e => e.Id)
            .Where(e => !HeldBack(e, settings, now))
            .OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Take(Shown)
            .ToList();

        var agencyIds = entries.Where(e => e.AgencyClientId != null).Select(e => e.AgencyClientId!.Value).Distinct().ToList();
        var agencies = agencyIds.Count == 0 ? [] : await db.AgencyClients.AsNoTracking()
            .Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var letterIds = entries.Where(e => e is { Channel: InquiryChannel.PaperLetter, AgencyClientId: null }).Select(e => PaperLetterId(e.InquiryId)).OfType<long>().Distinct().ToList();
        var letters = letterIds.Count == 0 ? [] : await db.PaperLetters.AsNoTracking()
            .Where(l => letterIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.AgencyName, cancellationToken);

        return [.. entries.Select(e => new HolderCheckRow(
            e.OccurredAtUtc,
            ChannelTitle(e.Channel),
            e.CertificateId is { } id && certificates.TryGetValue(id, out var number) ? number : null,
            e.AgencyClientId is { } agency && agencies.TryGetValue(agency, out var name) ? name
                : PaperLetterId(e.InquiryId) is { } letter && letters.TryGetValue(letter, out var letterAgency) ? letterAgency : null,
            e.Purpose is { } purpose ? InquiryContextRules.Title(purpose) : null,
            OutcomeTitle(e)))];
    }

    /// <summary>Whether the holder may not see this entry yet: judicial or confidential, and younger than its purpose's delay.</summary>
    public static bool HeldBack(InquiryAuditEntry entry, HolderCheckOptions settings, DateTime nowUtc) =>
        (entry.Confidential || entry.Purpose == InquiryPurpose.Judicial) && entry.OccurredAtUtc > nowUtc - settings.HeldBack(entry.Purpose);

    public static string ChannelTitle(InquiryChannel channel) => channel switch
    {
        InquiryChannel.CertificateLookup => "جست‌وجوی عمومی با شماره گواهینامه و کد ملی",
        InquiryChannel.LicenseCheck => "استعلام کارفرما در صفحه استعلام پروانه",
        InquiryChannel.Verification => "بازکردن نشانی تأیید (کد QR گزارش)",
        InquiryChannel.ReportDownload => "دریافت گزارش استعلام",
        InquiryChannel.LetterVerification => "تأیید نامه پاسخ",
        InquiryChannel.ShareCode => "کد اشتراکی که شما ساخته‌اید",
        InquiryChannel.AgencyApi => "استعلام سامانه‌ای دستگاه",
        InquiryChannel.AgencyBatch => "استعلام گروهی دستگاه",
        InquiryChannel.AgencyPortal => "استعلام دستگاه در درگاه دستگاه‌ها",
        InquiryChannel.PaperLetter => "نامه اداری دستگاه",
        _ => "استعلام",
    };

    public static string OutcomeTitle(InquiryAuditEntry entry) => entry switch
    {
        { Outcome: InquiryOutcome.Match } => "سند نشان داده شد",
        { Channel: InquiryChannel.ShareCode } => "کد لغوشده یا منقضی‌شده به کار رفت؛ چیزی نشان داده نشد",
        _ => "سندی پیدا نشد",
    };

    // Refused inquiries found nothing about anyone; the holder's own steps are not checks.
    private static IQueryable<InquiryAuditEntry> Visible(IQueryable<InquiryAuditEntry> entries) =>
        entries.Where(e => e.Outcome != InquiryOutcome.Invalid && !OwnChannels.Contains(e.Channel));

    private static long? PaperLetterId(string? inquiryId)
    {
        // paper-{letter}-{row} (PaperLetterFindings.InquiryId)
        if (inquiryId is null || !inquiryId.StartsWith("paper-", StringComparison.Ordinal))
        {
            return null;
        }

        var end = inquiryId.IndexOf('-', 6);
        return end > 6 && long.TryParse(inquiryId.AsSpan(6, end - 6), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
