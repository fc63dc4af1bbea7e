using CertificateInquiry.Web.Domain.Agencies;

namespace CertificateInquiry.Web.Features.AgencyPortal.Home;

/// <summary>
/// The dashboard. <paramref name="QuotaUsed"/> counts the rows of today's quota (Iran day) already taken by the agency's
/// servers, which reserve them in small blocks (ADR-026): it may run a few rows ahead of the inquiries made.
/// </summary>
public sealed record AgencyHomePage(
    string AgencyName, string UserName, string ScopesText, AgencyScopes Scopes, int DailyQuota, int QuotaUsed, DateOnly? ExpiresOn,
    bool IsAdministrator)
{
    public int QuotaLeft => Math.Max(0, DailyQuota - QuotaUsed);

    public bool CanBatch => Scopes.HasFlag(AgencyScopes.Batch);
}
