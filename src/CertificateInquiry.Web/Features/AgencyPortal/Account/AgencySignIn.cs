using System.Net;
using System.Security.Claims;
using CertificateInquiry.Web.Features.Agencies;
using CertificateInquiry.Web.Features.Staff.Account;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace CertificateInquiry.Web.Features.AgencyPortal.Account;

/// <summary>
/// Agency portal sign-in, behind the same <see cref="SignInThrottle"/> as the back-office: the password (only an active
/// agency user of an agency that may be used today gets past it; every failure looks and costs the same), then the
/// authenticator code or a recovery code, for a user who has set one up. Between the two steps the user is remembered
/// in the agency's own short-lived cookie (<see cref="AgencyPortalDefaults.TwoFactorScheme"/>, path /agency), never in
/// Identity's /admin one, so a half sign-in here can never be finished at the back-office's code page (ADR-029).
/// </summary>
public sealed class AgencySignIn(
    SignInManager<StaffUser> signInManager,
    UserManager<StaffUser> users,
    ISignInThrottle throttle,
    AgencyDirectory directory,
    TimeProvider clock,
    IHttpContextAccessor httpContextAccessor,
    ILogger<AgencySignIn> logger)
{
    /// <summary>Longer than any e-mail address (254) or any password a person types: refused without a look-up.</summary>
    private const int MaxLength = 1024;

    private static string? unknownUserHash;

    private HttpContext Http => httpContextAccessor.HttpContext ?? throw new InvalidOperationException("Sign-in needs a request.");

    private IPAddress? Address => Http.Connection.RemoteIpAddress;

    public async Task<SignInAttempt> WithPasswordAsync(string email, string password)
    {
        var counted = await throttle.TryStartAsync(Address, users.NormalizeEmail(email) ?? "");
        if (counted.IsHeldBack)
        {
            AgencyPortalLog.SignInHeldBack(logger, Math.Ceiling(counted.RetryAfter.TotalSeconds));
            return new SignInAttempt(SignInOutcome.HeldBack, RetryAfter: counted.RetryAfter);
        }

        var user = email.Length <= MaxLength && password.Length <= MaxLength ? await users.FindByEmailAsync(email) : null;
        if (user is null || !await MayUsePortalAsync(user))
        {
            // The same work as a wrong password: one hash verification, against the user's own hash or a made-up one.
            var hash = user?.PasswordHash ?? (unknownUserHash ??= users.PasswordHasher.HashPassword(new StaffUser(), Guid.NewGuid().ToString()));
            users.PasswordHasher.VerifyHashedPassword(user ?? new StaffUser(), hash, password.Length <= MaxLength ? password : "");
            if (user is null)
            {
                AgencyPortalLog.SignInFailed(logger, "no user has the e-mail given");
            }
            else
            {
                AgencyPortalLog.SignInFailedFor(logger, user.Id, "not an active agency portal user of an agency in good standing");
            }

            return new SignInAttempt(SignInOutcome.Failed);
        }

        var checkedPassword = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (!checkedPassword.Succeeded)
        {
            AgencyPortalLog.SignInFailedFor(logger, user.Id, "wrong password");
            return new SignInAttempt(SignInOutcome.Failed, user);
        }

        if (user.TwoFactorEnabled)
        {
            // The account starts afresh only once the code is right too: knowing the password buys no more code guesses.
            await throttle.GiveBackAsync(counted);
            var identity = new ClaimsIdentity(AgencyPortalDefaults.TwoFactorScheme, ClaimTypes.Name, ClaimTypes.Role);
            identity.AddClaim(new Claim(ClaimTypes.Name, user.Id));
            identity.AddClaim(new Claim(users.Options.ClaimsIdentity.SecurityStampClaimType, await users.GetSecurityStampAsync(user)));
            await Http.SignInAsync(AgencyPortalDefaults.TwoFactorScheme, new ClaimsPrincipal(identity));
            AgencyPortalLog.PasswordAccepted(logger, user.Id);
            return new SignInAttempt(SignInOutcome.RequiresTwoFactor, user);
        }

        // No authenticator yet (a new account, or one an administrator reset): signed in, and sent to set one up first.
        await throttle.SucceededAsync(counted);
        await SignInAsync(user, "pwd");
        return new SignInAttempt(SignInOutcome.SignedIn, user);
    }

    /// <summary>The user who gave the right password in the last five minutes, if they (and their agency) may still sign in.</summary>
    public async Task<StaffUser?> HalfSignedInUserAsync()
    {
        var result = await Http.AuthenticateAsync(AgencyPortalDefaults.TwoFactorScheme);
        var user = result.Succeeded ? await signInManager.ValidateTwoFactorSecurityStampAsync(result.Principal) : null;
        return user is not null && user.TwoFactorEnabled && await MayUsePortalAsync(user) ? user : null;
    }

    /// <summary>The second step for <paramref name="user"/> (half signed in): a code from the app (each accepted once), or a recovery code.</summary>
    public async Task<SignInAttempt> WithCodeAsync(StaffUser user, string code, bool recoveryCode)
    {
        var counted = await throttle.TryStartAsync(Address, user.NormalizedEmail ?? user.Id);
        if (counted.IsHeldBack)
        {
            AgencyPortalLog.SignInHeldBack(logger, Math.Ceiling(counted.RetryAfter.TotalSeconds));
            return new SignInAttempt(SignInOutcome.HeldBack, user, counted.RetryAfter);
        }

        var right = code.Length <= MaxLength && (recoveryCode
            ? (await users.RedeemTwoFactorRecoveryCodeAsync(user, code)).Succeeded
            : await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code));
        if (!right)
        {
            AgencyPortalLog.SignInFailedFor(logger, user.Id, recoveryCode ? "wrong or used recovery code" : "wrong or used authenticator code");
            return new SignInAttempt(SignInOutcome.Failed, user);
        }

        await throttle.SucceededAsync(counted);
        await Http.SignOutAsync(AgencyPortalDefaults.TwoFactorScheme);
        await SignInAsync(user, "mfa");
        return new SignInAttempt(SignInOutcome.SignedIn, user);
    }

    /// <summary>Ends this session and, by a new security stamp, every other session of the user.</summary>
    public async Task SignOutAsync(StaffUser? user)
    {
        if (user is not null)
        {
            await users.UpdateSecurityStampAsync(user);
            AgencyPortalLog.SignedOut(logger, user.Id);
        }

        await Http.SignOutAsync(AgencyPortalDefaults.Scheme);
        await Http.SignOutAsync(AgencyPortalDefaults.TwoFactorScheme);
    }

    private async Task SignInAsync(StaffUser user, string method)
    {
        await signInManager.ForAgency().SignInAsync(user, isPersistent: false, method);
        AgencyPortalLog.SignedIn(logger, user.Id, user.AgencyClientId ?? 0);
    }

    /// <summary>An active user of an agency with an agency role, whose agency is neither suspended nor expired today.</summary>
    private async Task<bool> MayUsePortalAsync(StaffUser user)
    {
        if (!user.IsActive || user.AgencyClientId is not { } agencyId)
        {
            return false;
        }

        var agency = await directory.FindAsync(agencyId, Http.RequestAborted);
        return agency is not null && agency.IsActiveOn(IranTime.Today(clock))
            && (await users.GetRolesAsync(user)).Any(role => AgencyRoles.All.Contains(role));
    }
}
