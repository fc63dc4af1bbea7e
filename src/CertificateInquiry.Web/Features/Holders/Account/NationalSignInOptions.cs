namespace CertificateInquiry.Web.Features.Holders.Account;

/// <summary>
/// The <c>NationalSignIn</c> settings section: the national e-government sign-in (پنجره ملی خدمات دولت هوشمند,
/// my.gov.ir) as an OpenID Connect provider (docs/decisions/ADR-032). The scheme is registered only when
/// <see cref="Authority"/> (or <see cref="MetadataAddress"/>) and <see cref="ClientId"/> are set.
/// </summary>
public sealed class NationalSignInOptions
{
    public const string Section = "NationalSignIn";

    /// <summary>The OpenID Connect scheme that talks to the provider (the holder cookie is still <see cref="HolderDefaults.Scheme"/>).</summary>
    public const string Scheme = "holder-national";

    /// <summary>
    /// The provider's issuer address, its discovery document under <c>/.well-known/openid-configuration</c>. Public
    /// clients of my.gov.ir use <c>https://sso.my.gov.ir/oauth2</c> (README, "Holders' sign-in").
    /// </summary>
    public string Authority { get; set; } = "";

    /// <summary>The discovery document's full address, when it is not under <see cref="Authority"/>.</summary>
    public string MetadataAddress { get; set; } = "";

    public string ClientId { get; set; } = "";

    /// <summary>From the environment or a secrets file only, never a committed file; never logged.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>
    /// How the client secret goes to the token endpoint: <c>Basic</c> (an Authorization header, RFC 6749 §2.3.1,
    /// what public clients of my.gov.ir use) or <c>Post</c> (in the form body).
    /// </summary>
    public string ClientAuthentication { get; set; } = BasicAuthentication;

    public const string BasicAuthentication = "Basic";
    public const string PostAuthentication = "Post";

    /// <summary>Space-separated scopes; <c>openid</c> is always asked for.</summary>
    public string Scopes { get; set; } = "openid profile";

    /// <summary>The id_token (or userinfo) claim that carries the national code; <c>nationalCode</c> in public my.gov.ir clients.</summary>
    public string NationalCodeClaim { get; set; } = "nationalCode";

    /// <summary>Whether the claims are also read from the userinfo endpoint (off: my.gov.ir's public clients read the id_token).</summary>
    public bool GetClaimsFromUserInfoEndpoint { get; set; }

    /// <summary>Where the provider sends the browser back; under <see cref="HolderDefaults.Path"/>, registered with the provider.</summary>
    public string CallbackPath { get; set; } = HolderDefaults.Path + "/signin-national";

    /// <summary>Where the provider sends the browser back after ending its own session.</summary>
    public string SignedOutCallbackPath { get; set; } = HolderDefaults.Path + "/signout-national";

    /// <summary>Null: true everywhere except Development and Testing (a local fake provider speaks plain HTTP).</summary>
    public bool? RequireHttpsMetadata { get; set; }

    /// <summary>Proof Key for Code Exchange (S256); on unless a provider refuses the extra parameters.</summary>
    public bool UsePkce { get; set; } = true;

    /// <summary>How long the browser may take at the provider before the returning callback is refused.</summary>
    public TimeSpan RemoteAuthenticationTimeout { get; set; } = TimeSpan.FromMinutes(10);

    public bool IsConfigured => (Authority.Length > 0 || MetadataAddress.Length > 0) && ClientId.Length > 0;
}
