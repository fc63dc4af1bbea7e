using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>
/// Identity's sign-in manager with two rules of the portal: a deactivated user cannot sign in (Identity answers
/// NotAllowed), and an open session survives a security-stamp check only while the user is still active, so locking
/// someone ends their session within the validation interval even when the stamp did not change. Failed sign-ins lock
/// nothing (<see cref="StaffUserManager"/>); <see cref="SignInThrottle"/> slows them down.
/// </summary>
public sealed class StaffSignInManager(
    UserManager<StaffUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<StaffUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation)
    : SignInManager<StaffUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(StaffUser user) => user.IsActive && await base.CanSignInAsync(user);

    public override async Task<StaffUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        if (user is null || !await CanSignInAsync(user))
        {
            return null;
        }

        return user;
    }
}
