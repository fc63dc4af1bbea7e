using CertificateInquiry.Web.Domain.Agencies;

namespace CertificateInquiry.Web.Features.Agencies;

/// <summary>An agency to register, from the admin page or the <c>create-agency-client</c> command; already validated.</summary>
public sealed record NewAgency(
    string Name,
    AgencyKind Kind,
    AgencyScopes Scopes,
    int DailyRowQuota,
    DateOnly? ExpiresOn,
    string ContactName = "",
    string ContactEmail = "",
    string ContactPhone = "");
