using System.Security.Claims;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CertificateInquiry.Web.Features.Agencies;

/// <summary>
/// <c>POST /connect/token</c>, client credentials only. OpenIddict has already authenticated the client (a live secret,
/// or a signed assertion under one of its registered keys) and checked the requested scopes against its permissions;
/// here the portal refuses a suspended or expired agency and a replayed assertion, and grants the scopes asked for
/// (all of the agency's when none are named).
/// </summary>
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class TokenController(AgencyDirectory directory, ClientAssertionLedger assertions, TimeProvider clock, ILogger<TokenController> logger)
    : Controller
{
    [HttpPost("~/connect/token")]
    [EnableRateLimiting(AgencyRateLimits.TokenPolicy)]
    public async Task<IActionResult> Exchange(CancellationToken cancellationToken)
    {
        var request = HttpContext.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing.");
        var clientId = request.ClientId ?? "";
        if (!request.IsClientCredentialsGrantType())
        {
            return Refuse(OpenIddictConstants.Errors.UnsupportedGrantType, "Only the client_credentials grant is supported.");
        }

        var agency = await directory.FindByClientIdAsync(clientId, cancellationToken);
        if (agency is null || !agency.IsActiveOn(IranTime.Today(clock)))
        {
            logger.TokenRefused(clientId, agency is null ? "unknown" : agency.Suspended ? "suspended" : "expired");
            return Refuse(OpenIddictConstants.Errors.InvalidClient, "The client is suspended or its registration has expired.");
        }

        if (request.ClientAssertion is { } assertion && await assertions.SpendAsync(clientId, assertion, cancellationToken) is { } refusal)
        {
            logger.AssertionReplayed(clientId);
            return Refuse(OpenIddictConstants.Errors.InvalidClient, refusal);
        }

        var allowed = AgencyScopeNames.Names(agency.Scopes).ToHashSet(StringComparer.Ordinal);
        var requested = request.GetScopes();
        if (requested.Any(scope => !allowed.Contains(scope)))
        {
            logger.TokenRefused(clientId, "scope not allowed");
            return Refuse(OpenIddictConstants.Errors.InvalidScope, "A requested scope is not allowed for this client.");
        }

        var identity = new ClaimsIdentity(
            authenticationType: TokenValidationParameters.DefaultAuthenticationType, nameType: Claims.Name, roleType: Claims.Role);
        identity.SetClaim(Claims.Subject, clientId);
        identity.SetClaim(AgencyClaims.AgencyId, agency.Id);
        identity.SetScopes(requested.IsDefaultOrEmpty ? allowed : requested);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        logger.TokenIssued(agency.Id, string.Join(' ', identity.GetScopes()));
        return SignIn(new ClaimsPrincipal(identity), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private ForbidResult Refuse(string error, string description) =>
        Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
