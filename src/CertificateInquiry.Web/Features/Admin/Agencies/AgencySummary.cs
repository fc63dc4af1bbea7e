using CertificateInquiry.Web.Domain.Agencies;

namespace CertificateInquiry.Web.Features.Admin.Agencies;

/// <summary>An agency as the admin pages show it: never a secret or a hash; <paramref name="LiveSecrets"/> counts the secrets that work now.</summary>
public sealed record AgencySummary(
    int Id,
    string ClientId,
    string Name,
    AgencyKind Kind,
    AgencyScopes Scopes,
    int DailyRowQuota,
    DateOnly? ExpiresOn,
    DateTime CreatedAtUtc,
    DateTime? SuspendedAtUtc,
    string? SuspensionReason,
    string ContactName,
    string ContactEmail,
    string ContactPhone,
    Guid Version,
    int LiveSecrets)
{
    public AgencyState StateOn(DateOnly today) =>
        SuspendedAtUtc is not null ? AgencyState.Suspended : ExpiresOn is { } last && today > last ? AgencyState.Expired : AgencyState.Active;

    public string KindTitle => AgencyTexts.Kind(Kind);
}
