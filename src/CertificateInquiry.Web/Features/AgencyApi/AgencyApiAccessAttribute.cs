using System.Globalization;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Agencies;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Mvc.Filters;
using OpenIddict.Abstractions;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// The gate of every agency API action, answering in problem details: a bearer token that OpenIddict validates (401
/// otherwise, with <c>WWW-Authenticate: Bearer</c>); an agency that is neither suspended nor expired now, not merely
/// when the token was issued (401); one of <see cref="AnyOf"/> among both the token's scopes and the agency's current
/// ones (403); and the agency's request rate (429 with <c>Retry-After</c>). Cookies are never read: a staff member's
/// signed-in browser cannot be used against the API.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AgencyApiAccessAttribute(AgencyScopes anyOf) : Attribute, IAsyncAuthorizationFilter
{
    public AgencyScopes AnyOf { get; } = anyOf;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var principal = await services.GetRequiredService<AgencyTokenCache>().AuthenticateAsync(http);
        if (principal is null)
        {
            var presented = http.Request.Headers.Authorization.Count > 0;
            http.Response.Headers.WWWAuthenticate = presented ? "Bearer error=\"invalid_token\"" : "Bearer";
            context.Result = ApiProblem.Unauthorized(presented
                ? "The bearer token is not valid or has expired; ask /connect/token for a new one."
                : "Send an access token from /connect/token in the Authorization header: Bearer TOKEN.").ToResult();
            return;
        }

        var agency = int.TryParse(principal.GetClaim(AgencyClaims.AgencyId), NumberStyles.None, CultureInfo.InvariantCulture, out var agencyId)
            ? await services.GetRequiredService<AgencyDirectory>().FindAsync(agencyId, http.RequestAborted)
            : null;
        if (agency is null || !agency.IsActiveOn(IranTime.Today(services.GetRequiredService<TimeProvider>())))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            context.Result = ApiProblem.Unauthorized("This client is suspended or its registration has expired.").ToResult();
            return;
        }

        var granted = AgencyScopeNames.Parse(string.Join(' ', principal.GetScopes())) ?? AgencyScopes.None;
        var scopes = granted & agency.Scopes;
        if ((scopes & AnyOf) == AgencyScopes.None)
        {
            context.Result = ApiProblem.Forbidden(
                $"This request needs one of the scopes {string.Join(", ", AgencyScopeNames.Names(AnyOf))} in the token and in the client's registration.").ToResult();
            return;
        }

        using var lease = await services.GetRequiredService<AgencyRequestRate>().AcquireAsync(agency.Id, http.RequestAborted);
        if (!lease.IsAcquired)
        {
            http.Response.Headers.RetryAfter = "1";
            context.Result = ApiProblem.TooManyRequests("This client is sending requests faster than its rate allows; wait for Retry-After seconds.").ToResult();
            return;
        }

        new AgencyCaller(agency, scopes).AttachTo(http);
    }
}
