using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace CertificateInquiry.Web.Features.AgencyPortal;

/// <summary>
/// The agency portal's own cookies (docs/decisions/ADR-029): the session (<see cref="Scheme"/>) and the five minutes
/// between the password and the code (<see cref="TwoFactorScheme"/>), both sent only to <see cref="Path"/>, apart from
/// the staff cookies (Path /admin), so that neither audience's cookie is ever presented to the other's pages.
/// </summary>
public static class AgencyPortalDefaults
{
    /// <summary>The session scheme of agency portal users.</summary>
    public const string Scheme = "agency";

    /// <summary>Who gave the right password and must still give a code (the agency's own, not Identity's /admin cookie).</summary>
    public const string TwoFactorScheme = "agency-2fa";

    public const string Path = "/agency";

    public const string CookieName = "ci-agency";

    public const string TwoFactorCookieName = "ci-agency-2fa";

    public const string SignInPath = Path + "/sign-in";

    public const string TwoFactorPath = Path + "/two-factor";

    public const string SignOutPath = Path + "/sign-out";

    public const string AccessDeniedPath = Path + "/access-denied";

    public const string PasswordPath = Path + "/account/password";

    public const string TwoFactorSetupPath = Path + "/account/two-factor-setup";

    /// <summary>
    /// Makes Identity's sign-in manager of this request issue, refresh and end the agency cookie instead of the staff
    /// one. Every agency portal action that signs in or refreshes a session calls this first.
    /// </summary>
    public static SignInManager<StaffUser> ForAgency(this SignInManager<StaffUser> signInManager)
    {
        signInManager.AuthenticationScheme = Scheme;
        return signInManager;
    }

    /// <summary>Back to where the person was going if that is an agency portal address of this site; else the portal's home.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 and <= 2048 }
        && (returnUrl == Path || returnUrl.StartsWith(Path + "/", StringComparison.Ordinal))
        && !returnUrl.Contains("//", StringComparison.Ordinal)
        && !returnUrl.Contains("..", StringComparison.Ordinal)
        && !returnUrl.Contains('\\', StringComparison.Ordinal)
        && returnUrl.All(c => c > ' ' && c < 0x7F)
            ? returnUrl
            : Path;
}
