namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>
/// Claims the sign-in cookie carries besides Identity's own (id, e-mail, role, security stamp). They are rebuilt from
/// the database at every security-stamp check, so a change reaches an open session within the validation interval.
/// </summary>
public static class StaffClaimTypes
{
    public const string FullName = "ci:full-name";

    /// <summary>The province id (invariant digits); absent for national admins.</summary>
    public const string ProvinceId = "ci:province";

    /// <summary>The agency id (invariant digits) of an agency portal user; absent for members of staff.</summary>
    public const string AgencyClientId = "ci:agency";

    /// <summary>Present ("true") when the user has an authenticator app set up.</summary>
    public const string TwoFactorEnabled = "ci:two-factor";

    /// <summary>Present ("true") while the user must replace a password an admin made or reset.</summary>
    public const string MustChangePassword = "ci:must-change-password";
}
