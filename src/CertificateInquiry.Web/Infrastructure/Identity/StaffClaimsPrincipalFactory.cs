using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>
/// Adds the user's name, province (or agency), two-factor state and whether they must change their password to the cookie, so that pages, <see cref="StaffScope"/> and the
/// two-factor enrolment filter need no query per request. Rebuilt at sign-in and at every security-stamp check.
/// </summary>
public sealed class StaffClaimsPrincipalFactory(
    UserManager<StaffUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaimTypes.FullName, user.FullName));
        if (user.ProvinceId is { } provinceId)
        {
            identity.AddClaim(new Claim(StaffClaimTypes.ProvinceId, provinceId.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.AgencyClientId is { } agencyClientId)
        {
            identity.AddClaim(new Claim(StaffClaimTypes.AgencyClientId, agencyClientId.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(StaffClaimTypes.TwoFactorEnabled, "true"));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(StaffClaimTypes.MustChangePassword, "true"));
        }

        return identity;
    }
}
