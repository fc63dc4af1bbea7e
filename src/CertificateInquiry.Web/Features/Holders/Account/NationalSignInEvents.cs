using System.Net.Http.Headers;
using System.Text;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CertificateInquiry.Web.Features.Holders.Account;

/// <summary>
/// What the portal adds to ASP.NET Core's OpenID Connect handler for the national sign-in (ADR-032). The handler
/// itself checks state (its protected properties and the correlation cookie), the nonce (its nonce cookie), PKCE, and
/// the id_token's signature (the provider's JWKS), issuer, audience and lifetime. Here: the return address from
/// <c>Portal:PublicAddress</c>, never from the request's Host; the client secret in a Basic header where the provider
/// wants it; and the holder's principal, built from the national-code claim alone, or a refusal with a Persian page.
/// </summary>
public sealed class NationalSignInEvents(
    IOptions<NationalSignInOptions> options,
    PublicAddress publicAddress,
    InquiryAudit audit,
    ILogger<NationalSignInEvents> logger) : OpenIdConnectEvents
{
    /// <summary>Why a national sign-in did not end in a session; the <c>reason</c> of <see cref="HolderDefaults.SignInPath"/>/failed.</summary>
    public static class Reasons
    {
        public const string Cancelled = "cancelled";
        public const string NoNationalCode = "no-national-code";
        public const string Failed = "failed";
    }

    public static string FailedPath(string reason) => HolderDefaults.SignInPath + "/failed?reason=" + reason;

    public override Task RedirectToIdentityProvider(RedirectContext context)
    {
        context.ProtocolMessage.RedirectUri = publicAddress.For(options.Value.CallbackPath);
        return Task.CompletedTask;
    }

    public override Task RedirectToIdentityProviderForSignOut(RedirectContext context)
    {
        context.ProtocolMessage.PostLogoutRedirectUri = publicAddress.For(options.Value.SignedOutCallbackPath);
        return Task.CompletedTask;
    }

    /// <summary>
    /// With <see cref="NationalSignInOptions.BasicAuthentication"/>, redeems the code here: the same request the handler
    /// would send (code, redirect_uri, code_verifier), with the client's credentials in the Authorization header
    /// (form-urlencoded first, RFC 6749 §2.3.1) instead of the body.
    /// </summary>
    public override async Task AuthorizationCodeReceived(AuthorizationCodeReceivedContext context)
    {
        var settings = options.Value;
        if (!string.Equals(settings.ClientAuthentication, NationalSignInOptions.BasicAuthentication, StringComparison.OrdinalIgnoreCase)
            || context.TokenEndpointRequest is not { } tokenRequest)
        {
            return;
        }

        var configuration = await context.Options.ConfigurationManager!.GetConfigurationAsync(context.HttpContext.RequestAborted);
        var parameters = tokenRequest.Parameters
            .Where(p => p.Key != OpenIdConnectParameterNames.ClientSecret && p.Value is not null)
            .ToDictionary(p => p.Key, p => p.Value);
        using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint) { Content = new FormUrlEncodedContent(parameters) };
        var credentials = Uri.EscapeDataString(settings.ClientId) + ":" + Uri.EscapeDataString(settings.ClientSecret);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await context.Backchannel.SendAsync(request, context.HttpContext.RequestAborted);
        var body = await response.Content.ReadAsStringAsync(context.HttpContext.RequestAborted);
        var message = new OpenIdConnectMessage(body);
        if (!response.IsSuccessStatusCode || !string.IsNullOrEmpty(message.Error))
        {
            context.Fail(new OpenIdConnectProtocolException(
                "The token endpoint refused the code: " + (string.IsNullOrEmpty(message.Error) ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : message.Error)));
            return;
        }

        context.HandleCodeRedemption(message);
    }

    /// <summary>
    /// Validates the token response as the handler does (the nonce against this browser's nonce cookie, at_hash): the
    /// handler skips that step when the code was redeemed by <see cref="AuthorizationCodeReceived"/>, and a forged
    /// nonce would then pass. Keeps the id_token (only it) in the holder's session, for the provider's end-session
    /// request at sign-out.
    /// </summary>
    public override Task TokenValidated(TokenValidatedContext context)
    {
        if (context.TokenEndpointResponse is { } tokenResponse)
        {
            try
            {
                context.Options.ProtocolValidator.ValidateTokenResponse(new OpenIdConnectProtocolValidationContext
                {
                    ClientId = context.Options.ClientId,
                    ProtocolMessage = tokenResponse,
                    ValidatedIdToken = context.SecurityToken,
                    Nonce = context.Nonce,
                });
            }
            catch (OpenIdConnectProtocolException exception)
            {
                context.Fail(exception);
                return Task.CompletedTask;
            }
        }

        if (context.TokenEndpointResponse?.IdToken is { Length: > 0 } idToken)
        {
            context.Properties!.StoreTokens([new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The session's principal: the holder's identifier from the configured claim (digits in any script, normalized),
    /// checked by <see cref="HolderIdentifier"/>, and nothing else of the provider's profile. A missing or invalid
    /// claim ends the sign-in here: no session.
    /// </summary>
    public override Task TicketReceived(TicketReceivedContext context)
    {
        var claimType = options.Value.NationalCodeClaim;
        var values = context.Principal?.FindAll(claimType).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList() ?? [];
        var identifier = values.Count == 1 && !values[0].Any(char.IsControl) ? PersianText.NormalizeCode(values[0]) : null;
        if (identifier is null || !HolderIdentifier.IsValid(identifier))
        {
            // Handled here: the handler takes a failure at this stage for nothing and would sign the provider's
            // principal in as it is.
            logger.NationalCodeClaimRefused(claimType, values.Count switch { 0 => "missing", > 1 => "more than one value", _ => "not a valid identifier" });
            context.Response.Redirect(FailedPath(Reasons.NoNationalCode));
            context.HandleResponse();
            return Task.CompletedTask;
        }

        context.Principal = HolderClaims.Create(identifier, HolderSignInMethod.NationalSignIn);
        context.ReturnUri = HolderReturnUrl.Safe(context.ReturnUri);
        logger.SignedIn(audit.HashNationalCode(identifier), HolderSignInMethod.NationalSignIn);
        return Task.CompletedTask;
    }

    public override Task AccessDenied(AccessDeniedContext context)
    {
        logger.ProviderRefused("access_denied");
        context.Response.Redirect(FailedPath(Reasons.Cancelled));
        context.HandleResponse();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Every other failure at the callback (a state that does not decode, a missing correlation or nonce cookie, a code
    /// used before, an id_token for another client, from another issuer or with a bad signature, an error from the
    /// provider): logged with its reason, and the holder sees one Persian page that offers to try again.
    /// </summary>
    public override Task RemoteFailure(RemoteFailureContext context)
    {
        logger.NationalSignInFailed(context.Failure?.Message ?? "unknown");
        context.Response.Redirect(FailedPath(Reasons.Failed));
        context.HandleResponse();
        return Task.CompletedTask;
    }
}
