using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CertificateInquiry.Web.Features.Holders.Account;

public static class HolderSignInServiceCollectionExtensions
{
    /// <summary>
    /// How holders sign in (ADR-032): the national sign-in over OpenID Connect when <c>NationalSignIn</c> is configured,
    /// else a one-time code to a mobile that Shahkar (or, for a foreign national, their request) confirms.
    /// </summary>
    public static IServiceCollection AddHolderSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(NationalSignInOptions.Section);
        services.AddOptions<NationalSignInOptions>()
            .Bind(section)
            .Validate(
                o => !o.IsConfigured || o.ClientSecret.Length > 0,
                "NationalSignIn:ClientSecret is required with NationalSignIn:Authority and ClientId (from the environment, never a committed file).")
            .Validate(
                o => o.ClientAuthentication is NationalSignInOptions.BasicAuthentication or NationalSignInOptions.PostAuthentication,
                "NationalSignIn:ClientAuthentication must be Basic or Post.")
            .Validate(
                o => o.CallbackPath.StartsWith(HolderDefaults.Path + "/", StringComparison.Ordinal)
                    && o.SignedOutCallbackPath.StartsWith(HolderDefaults.Path + "/", StringComparison.Ordinal),
                "NationalSignIn:CallbackPath and SignedOutCallbackPath must lie under /my (the holder cookie's path).")
            .ValidateOnStart();

        // The handler would refuse a plain-HTTP provider on every request; a server says so once, at start.
        services.AddOptions<NationalSignInOptions>()
            .Validate<IHostEnvironment>(
                (o, environment) => !o.IsConfigured
                    || (o.RequireHttpsMetadata ?? !(environment.IsDevelopment() || environment.IsEnvironment("Testing"))) == false
                    || new[] { o.Authority, o.MetadataAddress }.All(address => address.Length == 0 || address.StartsWith("https://", StringComparison.OrdinalIgnoreCase)),
                "NationalSignIn:Authority and MetadataAddress must be https addresses (RequireHttpsMetadata=false only for a local fake).")
            .ValidateOnStart();
        services.AddSingleton<PendingMobileSignIn>();
        services.AddScoped<MobileSignIn>();

        var settings = section.Get<NationalSignInOptions>() ?? new NationalSignInOptions();
        if (!settings.IsConfigured)
        {
            return services;
        }

        services.AddSingleton<NationalSignInEvents>();
        services.AddAuthentication().AddOpenIdConnect(NationalSignInOptions.Scheme, "پنجره ملی خدمات دولت هوشمند", oidc =>
        {
            if (settings.Authority.Length > 0)
            {
                oidc.Authority = settings.Authority;
            }

            if (settings.MetadataAddress.Length > 0)
            {
                oidc.MetadataAddress = settings.MetadataAddress;
            }

            oidc.ClientId = settings.ClientId;
            oidc.ClientSecret = settings.ClientSecret;

            // The authorization code flow with PKCE; the answer comes back in the query of a top-level GET, so the
            // handler's correlation and nonce cookies can be SameSite=Lax (a form_post would need SameSite=None).
            oidc.ResponseType = OpenIdConnectResponseType.Code;
            oidc.ResponseMode = OpenIdConnectResponseMode.Query;
            oidc.UsePkce = settings.UsePkce;
            oidc.Scope.Clear();
            foreach (var scope in settings.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("openid").Distinct(StringComparer.Ordinal))
            {
                oidc.Scope.Add(scope);
            }

            oidc.CallbackPath = settings.CallbackPath;
            oidc.SignedOutCallbackPath = settings.SignedOutCallbackPath;
            oidc.SignInScheme = HolderDefaults.Scheme;
            oidc.SignOutScheme = HolderDefaults.Scheme;
            oidc.SaveTokens = false;
            oidc.MapInboundClaims = false;
            oidc.GetClaimsFromUserInfoEndpoint = settings.GetClaimsFromUserInfoEndpoint;
            oidc.ClaimActions.MapUniqueJsonKey(settings.NationalCodeClaim, settings.NationalCodeClaim);
            oidc.RemoteAuthenticationTimeout = settings.RemoteAuthenticationTimeout;
            oidc.BackchannelTimeout = TimeSpan.FromSeconds(15);
            oidc.DisableTelemetry = true;
            oidc.EventsType = typeof(NationalSignInEvents);

            oidc.CorrelationCookie.Name = "ci-holder-correlation.";
            oidc.NonceCookie.Name = "ci-holder-nonce.";
            foreach (var cookie in new[] { oidc.CorrelationCookie, oidc.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.HttpOnly = true;
            }
        });
        services.AddOptions<OpenIdConnectOptions>(NationalSignInOptions.Scheme).Configure<IHostEnvironment, TimeProvider>((oidc, environment, clock) =>
        {
            oidc.RequireHttpsMetadata = settings.RequireHttpsMetadata ?? !(environment.IsDevelopment() || environment.IsEnvironment("Testing"));
            oidc.TimeProvider = clock;
        });
        return services;
    }

    /// <summary>Whether the national sign-in is configured (its scheme registered).</summary>
    public static bool NationalSignInConfigured(IConfiguration configuration) =>
        configuration.GetSection(NationalSignInOptions.Section).Get<NationalSignInOptions>()?.IsConfigured == true;
}
