using System.Security.Claims;

namespace CertificateInquiry.Web.Features.Holders;

/// <summary>How a holder signed in.</summary>
public enum HolderSignInMethod
{
    /// <summary>The national e-government sign-in (پنجره ملی خدمات دولت هوشمند), over OpenID Connect.</summary>
    NationalSignIn,

    /// <summary>A one-time code sent to a mobile that Shahkar confirms is theirs (or, for a foreign national, their request's mobile).</summary>
    MobileCode,
}

/// <summary>The claims of the holder cookie, written once: the identifier every holder page scopes its queries to.</summary>
public static class HolderClaims
{
    /// <summary>The holder's identifier: an Iranian national code (10 digits) or a foreign national's identifier (12 digits).</summary>
    public const string Identifier = "ci:holder-id";

    /// <summary>A <see cref="HolderSignInMethod"/> name.</summary>
    public const string Method = "ci:holder-method";

    /// <summary>The holder's identifier; only on pages behind <see cref="HolderPolicies.Holder"/>, which guarantees it.</summary>
    public static string HolderIdentifier(this ClaimsPrincipal user) =>
        user.FindFirstValue(Identifier) ?? throw new InvalidOperationException("Not a signed-in holder.");

    public static ClaimsPrincipal Create(string identifier, HolderSignInMethod method) =>
        new(new ClaimsIdentity(
            [new Claim(Identifier, identifier), new Claim(Method, method.ToString())],
            HolderDefaults.Scheme,
            Identifier,
            roleType: null));
}
