using System.Globalization;
using System.Net;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Identity;

namespace CertificateInquiry.Web.Features.Staff.Account;

public enum SignInOutcome
{
    SignedIn,
    RequiresTwoFactor,

    /// <summary>Any failure: unknown e-mail, wrong password or code, a locked (deactivated) account. The page says the same.</summary>
    Failed,

    /// <summary>Refused unchecked: the client address or the account failed too often lately (<see cref="SignInThrottle"/>).</summary>
    HeldBack,
}

public sealed record SignInAttempt(SignInOutcome Outcome, StaffUser? User = null, TimeSpan RetryAfter = default)
{
    /// <summary>What a refused attempt is told besides the usual message: when to try again, in Persian.</summary>
    public string? RetryHint => Outcome == SignInOutcome.HeldBack ? StaffSignIn.RetryHint(RetryAfter) : null;
}

/// <summary>
/// The sign-in steps, with the throttle in front of each: the password (every failure looks and costs the same: an
/// unknown e-mail verifies a made-up hash, a locked account its own), then an authenticator or recovery code.
/// Failed sign-ins never lock an account; they slow down the address and the account they were made on.
/// </summary>
public sealed class StaffSignIn(
    SignInManager<StaffUser> signInManager,
    UserManager<StaffUser> users,
    ISignInThrottle throttle,
    IHttpContextAccessor httpContextAccessor,
    ILogger<StaffSignIn> logger)
{
    /// <summary>Longer than any e-mail address (254) or any password a person types: refused without a look-up.</summary>
    private const int MaxLength = 1024;

    // Verified when the e-mail is unknown, so that a miss costs as much as a wrong password.
    private static string? unknownUserHash;

    private IPAddress? Address => httpContextAccessor.HttpContext?.Connection.RemoteIpAddress;

    public async Task<SignInAttempt> WithPasswordAsync(string email, string password)
    {
        var counted = await throttle.TryStartAsync(Address, users.NormalizeEmail(email) ?? "");
        if (counted.IsHeldBack)
        {
            logger.LogWarning("Staff sign-in held back for {Seconds} s: too many recent failures from this address or on this account",
                Math.Ceiling(counted.RetryAfter.TotalSeconds));
            return new SignInAttempt(SignInOutcome.HeldBack, RetryAfter: counted.RetryAfter);
        }

        var user = email.Length <= MaxLength && password.Length <= MaxLength ? await users.FindByEmailAsync(email) : null;
        if (user is null || !user.IsActive || user.AgencyClientId is not null)
        {
            // The same work as a wrong password: one hash verification, against the user's own hash or a made-up one.
            var hash = user?.PasswordHash ?? (unknownUserHash ??= users.PasswordHasher.HashPassword(new StaffUser(), Guid.NewGuid().ToString()));
            users.PasswordHasher.VerifyHashedPassword(user ?? new StaffUser(), hash, password.Length <= MaxLength ? password : "");
            if (user is null)
            {
                logger.LogWarning("Staff sign-in failed: no user has the e-mail given");
                logger.LogDebug("Staff sign-in failed for unknown e-mail {Email}", email);
            }
            else
            {
                logger.LogWarning("Staff sign-in refused: user {UserId} is locked (deactivated) or an agency portal user", user.Id);
            }

            return new SignInAttempt(SignInOutcome.Failed);
        }

        var result = await signInManager.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(counted);
            logger.LogInformation("Staff user {UserId} signed in", user.Id);
            return new SignInAttempt(SignInOutcome.SignedIn, user);
        }

        if (result.RequiresTwoFactor)
        {
            // The account starts afresh only once the code is right too: knowing the password buys no more code guesses.
            await throttle.GiveBackAsync(counted);
            logger.LogInformation("Staff user {UserId} gave the right password; asking for the two-factor code", user.Id);
            return new SignInAttempt(SignInOutcome.RequiresTwoFactor, user);
        }

        logger.LogWarning("Staff sign-in failed for user {UserId}: wrong password", user.Id);
        return new SignInAttempt(SignInOutcome.Failed, user);
    }

    /// <summary>The second step for <paramref name="user"/> (half signed in): a code from the app, or a recovery code.</summary>
    public async Task<SignInAttempt> WithCodeAsync(StaffUser user, string code, bool recoveryCode)
    {
        var counted = await throttle.TryStartAsync(Address, user.NormalizedEmail ?? user.Id);
        if (counted.IsHeldBack)
        {
            logger.LogWarning("Staff two-factor sign-in of user {UserId} held back for {Seconds} s", user.Id, Math.Ceiling(counted.RetryAfter.TotalSeconds));
            return new SignInAttempt(SignInOutcome.HeldBack, user, counted.RetryAfter);
        }

        var method = recoveryCode ? "a recovery code" : "an authenticator code";
        var result = recoveryCode
            ? await signInManager.TwoFactorRecoveryCodeSignInAsync(code)
            : await signInManager.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(counted);
            logger.LogInformation("Staff user {UserId} signed in with {Method}", user.Id, method);
            return new SignInAttempt(SignInOutcome.SignedIn, user);
        }

        logger.LogWarning("Staff sign-in failed for user {UserId}: wrong or used {Method}", user.Id, method);
        return new SignInAttempt(SignInOutcome.Failed, user);
    }

    /// <summary>«… تا ۴۵ ثانیه دیگر …», or minutes from a minute on.</summary>
    public static string RetryHint(TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var when = seconds < 60
            ? PersianText.ToPersianDigits(seconds.ToString(CultureInfo.InvariantCulture)) + " ثانیه"
            : PersianText.ToPersianDigits(((seconds + 59) / 60).ToString(CultureInfo.InvariantCulture)) + " دقیقه";
        return "به دلیل چند تلاش ناموفق پیاپی، تلاش تازه تا " + when + " دیگر بررسی نمی‌شود؛ پس از آن دوباره تلاش کنید.";
    }
}
