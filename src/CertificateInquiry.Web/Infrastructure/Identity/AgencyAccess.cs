using System.Globalization;
using System.Security.Claims;

namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>
/// Who an agency portal principal is, from its cookie's claims: a user with an agency and one of
/// <see cref="AgencyRoles"/>. Whether the account and the agency may still be used now is checked against the database
/// by the agency portal's policy, not here.
/// </summary>
public static class AgencyAccess
{
    public static int? AgencyClientIdOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(StaffClaimTypes.AgencyClientId), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public static bool IsAgencyUser(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && AgencyClientIdOf(user) is not null
        && AgencyRoles.All.Any(user.IsInRole);

    public static bool IsAdministrator(ClaimsPrincipal user) => IsAgencyUser(user) && user.IsInRole(AgencyRoles.Administrator);
}
