using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.AgencyApi;

namespace CertificateInquiry.Web.Features.Holders.Checks;

/// <summary>
/// <c>Holders:HeldBackDays</c>: per purpose (its API wire name: <c>judicial</c>, <c>employment</c>, …), how many days an
/// inquiry the holder must not learn of at once waits before "who checked me" shows it: every judicial inquiry, and
/// any inquiry an agency marked confidential. A purpose not named waits <see cref="DefaultHeldBackDays"/>.
/// </summary>
public sealed class HolderCheckOptions
{
    public const string Section = "Holders";

    public const int DefaultHeldBackDays = 90;

    public Dictionary<string, int> HeldBackDays { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan HeldBack(InquiryPurpose? purpose) =>
        TimeSpan.FromDays(purpose is { } known && HeldBackDays.TryGetValue(InquiryContextRules.WireName(known), out var days) ? Math.Max(0, days) : DefaultHeldBackDays);
}
