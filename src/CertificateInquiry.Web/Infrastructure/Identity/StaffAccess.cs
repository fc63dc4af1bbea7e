using System.Globalization;
using System.Security.Claims;

namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>
/// The province rule, in one place, over a signed-in principal: a national admin sees every province; a provincial
/// manager or expert sees only their own; anyone else sees nothing. <see cref="StaffScope"/> and
/// <see cref="ProvinceResourceHandler"/> both ask here.
/// </summary>
public static class StaffAccess
{
    public static bool IsNationalAdmin(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.IsInRole(StaffRoles.NationalAdmin);

    /// <summary>Whether the user's role requires two-factor sign-in (see <see cref="StaffRoles.RequiresTwoFactor"/>).</summary>
    public static bool MustUseTwoFactor(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && StaffRoles.All.Any(role => StaffRoles.RequiresTwoFactor(role) && user.IsInRole(role));

    /// <summary>The province of a provincial user, or null (national admins, and principals without a valid claim).</summary>
    public static int? ProvinceIdOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(StaffClaimTypes.ProvinceId), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    /// <summary>
    /// A signed-in member of staff whose role and province fit together: a national admin, or a provincial user
    /// with a province. A provincial user without one (a broken record) is not staff, so the back-office never has
    /// to guess what "no province" means for them.
    /// </summary>
    public static bool IsStaff(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && (user.IsInRole(StaffRoles.NationalAdmin)
            || ((user.IsInRole(StaffRoles.ProvincialManager) || user.IsInRole(StaffRoles.ProvincialExpert)) && ProvinceIdOf(user) is not null));

    /// <summary>
    /// Whether <paramref name="user"/> may see a resource of province <paramref name="provinceId"/>. A resource with
    /// no province yet (null) is for national admins only.
    /// </summary>
    public static bool CanSee(ClaimsPrincipal user, int? provinceId)
    {
        if (!IsStaff(user))
        {
            return false;
        }

        if (IsNationalAdmin(user))
        {
            return true;
        }

        return provinceId is not null && provinceId == ProvinceIdOf(user);
    }
}
