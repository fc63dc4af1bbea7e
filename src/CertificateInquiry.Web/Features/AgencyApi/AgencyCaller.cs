using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Agencies;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>The agency behind an API request, once its token, standing and scopes have been checked (<see cref="AgencyApiAccessAttribute"/>).</summary>
public sealed record AgencyCaller(AgencyStanding Agency, AgencyScopes Scopes)
{
    private static readonly object Key = new();

    public bool Has(AgencyScopes scope) => (Scopes & scope) == scope;

    public static AgencyCaller Of(HttpContext context) =>
        context.Items[Key] as AgencyCaller ?? throw new InvalidOperationException("The request passed no agency check.");

    public void AttachTo(HttpContext context) => context.Items[Key] = this;
}
