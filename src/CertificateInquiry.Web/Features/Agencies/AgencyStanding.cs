using CertificateInquiry.Web.Domain.Agencies;

namespace CertificateInquiry.Web.Features.Agencies;

/// <summary>What each API request needs to know of its agency, read from the database and kept briefly in memory.</summary>
public sealed record AgencyStanding(
    int Id, string ClientId, string Name, AgencyKind Kind, AgencyScopes Scopes, int DailyRowQuota, DateOnly? ExpiresOn, bool Suspended)
{
    public bool IsActiveOn(DateOnly today) => !Suspended && (ExpiresOn is null || today <= ExpiresOn);
}
