using System.Globalization;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Staff.Account;

/// <summary>
/// Staff sign-in: e-mail and password, then a code from an authenticator app (or a recovery code) for users who set
/// one up; setting up the app (required for national admins and provincial managers); signing out. Every failure gets
/// the same message, whatever went wrong; repeated failures are held back for a while (<see cref="StaffSignIn"/>), and
/// no account is ever locked by them.
/// </summary>
[Route("admin")]
public sealed class AccountController(
    StaffSignIn staffSignIn,
    SignInManager<StaffUser> signInManager,
    UserManager<StaffUser> userManager,
    IOptions<StaffOptions> staffOptions,
    ILogger<AccountController> logger) : StaffController
{
    public const string WrongCredentialsMessage = "ایمیل یا گذرواژه درست نیست.";
    public const string WrongCodeMessage = "کد درست نیست. کد تازه‌ای را که برنامه احراز هویت نشان می‌دهد وارد کنید.";
    public const string WrongRecoveryCodeMessage = "کد بازیابی درست نیست یا پیش‌تر به کار رفته است.";

    private const string Home = "/admin";

    [AllowAnonymous]
    [HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl, bool signedOut = false)
    {
        if (StaffAccess.IsStaff(User))
        {
            return LocalRedirect(SafeReturnUrl(returnUrl));
        }

        return View(new SignInPage(new SignInInput { ReturnUrl = returnUrl }, signedOut));
    }

    [AllowAnonymous]
    [HttpPost("sign-in")]
    public async Task<IActionResult> SignIn([FromForm] SignInInput input)
    {
        input.Normalize();
        if (string.IsNullOrEmpty(input.Email))
        {
            ModelState.AddModelError(nameof(input.Email), "ایمیل را وارد کنید.");
        }

        if (string.IsNullOrEmpty(input.Password))
        {
            ModelState.AddModelError(nameof(input.Password), "گذرواژه را وارد کنید.");
        }

        if (!ModelState.IsValid)
        {
            return SignInAgain(input);
        }

        var attempt = await staffSignIn.WithPasswordAsync(input.Email!, input.Password!);
        switch (attempt.Outcome)
        {
            case SignInOutcome.SignedIn:
                var user = attempt.User!;
                return user.MustChangePassword ? Redirect(RequirePasswordChangeFilter.ChangePath)
                    : await MustSetUpTwoFactorAsync(user) ? Redirect(RequireTwoFactorEnrolmentFilter.SetupPath)
                    : LocalRedirect(SafeReturnUrl(input.ReturnUrl));
            case SignInOutcome.RequiresTwoFactor:
                return RedirectToAction(nameof(TwoFactor), new { returnUrl = SafeReturnUrl(input.ReturnUrl) });
            default:
                ModelState.AddModelError(nameof(input.Email), WrongCredentialsMessage);
                return SignInAgain(input, attempt);
        }
    }

    [AllowAnonymous]
    [HttpGet("two-factor")]
    public async Task<IActionResult> TwoFactor(string? returnUrl)
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(SignIn), new { returnUrl });
        }

        return View(new TwoFactorPage(returnUrl));
    }

    [AllowAnonymous]
    [HttpPost("two-factor")]
    public async Task<IActionResult> TwoFactor([FromForm] CodeInput input)
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            // The five minutes between password and code are over: start again.
            return RedirectToAction(nameof(SignIn), new { returnUrl = input.ReturnUrl });
        }

        input.Normalize();
        if (AuthenticatorCodeError(input.Code) is { } error)
        {
            ModelState.AddModelError(nameof(input.Code), error);
            return View(new TwoFactorPage(input.ReturnUrl));
        }

        var attempt = await staffSignIn.WithCodeAsync(user, input.Code!, recoveryCode: false);
        return TwoFactorOutcome(attempt, input, nameof(TwoFactor), WrongCodeMessage);
    }

    [AllowAnonymous]
    [HttpGet("two-factor/recovery-code")]
    public async Task<IActionResult> RecoveryCode(string? returnUrl)
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToAction(nameof(SignIn), new { returnUrl });
        }

        return View(new TwoFactorPage(returnUrl));
    }

    [AllowAnonymous]
    [HttpPost("two-factor/recovery-code")]
    public async Task<IActionResult> RecoveryCode([FromForm] CodeInput input)
    {
        var user = await signInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(SignIn), new { returnUrl = input.ReturnUrl });
        }

        input.Normalize();
        if (string.IsNullOrEmpty(input.Code))
        {
            ModelState.AddModelError(nameof(input.Code), "یکی از کدهای بازیابی را وارد کنید.");
            return View(new TwoFactorPage(input.ReturnUrl));
        }

        var attempt = await staffSignIn.WithCodeAsync(user, input.Code, recoveryCode: true);
        return TwoFactorOutcome(attempt, input, nameof(RecoveryCode), WrongRecoveryCodeMessage);
    }

    /// <summary>Ends the session here and, by changing the security stamp, every other session of the user too.</summary>
    [AllowWithoutTwoFactor]
    [AllowBeforePasswordChange]
    [HttpPost("sign-out")]
    public new async Task<IActionResult> SignOut()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is not null)
        {
            await userManager.UpdateSecurityStampAsync(user);
            logger.LogInformation("Staff user {UserId} signed out", user.Id);
        }

        await signInManager.SignOutAsync();
        return Redirect("/admin/sign-in?signedOut=true");
    }

    [AllowWithoutTwoFactor]
    [HttpGet("account/two-factor-setup")]
    public async Task<IActionResult> TwoFactorSetup()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return View("TwoFactorEnabled");
        }

        return View(await SetupPageAsync(user));
    }

    [AllowWithoutTwoFactor]
    [HttpPost("account/two-factor-setup")]
    public async Task<IActionResult> TwoFactorSetup([FromForm] CodeInput input)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(TwoFactorSetup));
        }

        input.Normalize();
        var error = AuthenticatorCodeError(input.Code);
        if (error is null && !await userManager.VerifyTwoFactorTokenAsync(user, userManager.Options.Tokens.AuthenticatorTokenProvider, input.Code!))
        {
            error = "کد درست نیست. کلید را دوباره در برنامه وارد کنید یا کد تازه‌ای را که برنامه نشان می‌دهد بنویسید.";
        }

        if (error is not null)
        {
            ModelState.AddModelError(nameof(input.Code), error);
            return View(await SetupPageAsync(user));
        }

        await userManager.SetTwoFactorEnabledAsync(user, true);
        var codes = await userManager.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];

        // Both changes renewed the security stamp: re-issue this session's cookie so it is not thrown out, now with
        // the two-factor claim that lets a national admin into the back-office.
        await signInManager.RefreshSignInAsync(user);
        logger.LogInformation("Staff user {UserId} set up two-factor sign-in", user.Id);
        return View("RecoveryCodes", new RecoveryCodesPage(codes.ToList()));
    }

    [AllowAnonymous]
    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    private IActionResult SignInAgain(SignInInput input, SignInAttempt? attempt = null)
    {
        SayWhenToRetry(attempt);

        // The password is never sent back into the page.
        return View(nameof(SignIn), new SignInPage(
            new SignInInput { Email = input.Email, ReturnUrl = input.ReturnUrl }, SignedOut: false, attempt?.RetryHint));
    }

    private IActionResult TwoFactorOutcome(SignInAttempt attempt, CodeInput input, string view, string wrongMessage)
    {
        if (attempt.Outcome == SignInOutcome.SignedIn)
        {
            return LocalRedirect(SafeReturnUrl(input.ReturnUrl));
        }

        SayWhenToRetry(attempt);
        ModelState.AddModelError(nameof(input.Code), wrongMessage);
        return View(view, new TwoFactorPage(input.ReturnUrl, attempt.RetryHint));
    }

    /// <summary>A held-back attempt: the page says when to try again, and so does <c>Retry-After</c> for a script.</summary>
    private void SayWhenToRetry(SignInAttempt? attempt)
    {
        if (attempt is { Outcome: SignInOutcome.HeldBack })
        {
            Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(attempt.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }

    private async Task<TwoFactorSetupPage> SetupPageAsync(StaffUser user)
    {
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key renews the security stamp; the session is re-issued so it survives the next check.
            await userManager.ResetAuthenticatorKeyAsync(user);
            await signInManager.RefreshSignInAsync(user);
            key = await userManager.GetAuthenticatorKeyAsync(user)
                ?? throw new InvalidOperationException("Identity did not store an authenticator key.");
        }

        var uri = AuthenticatorSetup.OtpAuthUri(staffOptions.Value.AuthenticatorIssuer, user.Email ?? user.Id, key);
        return new TwoFactorSetupPage(
            AuthenticatorSetup.FormatKey(key), AuthenticatorSetup.QrCodeDataUri(uri), StaffAccess.MustUseTwoFactor(User));
    }

    private async Task<bool> MustSetUpTwoFactorAsync(StaffUser user) =>
        !user.TwoFactorEnabled && (await userManager.GetRolesAsync(user)).Any(StaffRoles.RequiresTwoFactor);

    internal static string? AuthenticatorCodeError(string? code) => code switch
    {
        null or "" => "کد ۶ رقمی برنامه احراز هویت را وارد کنید.",
        { Length: 6 } when code.All(char.IsAsciiDigit) => null,
        _ => "کد باید ۶ رقم باشد.",
    };

    /// <summary>Back to where the person was going, if that is a back-office address of this site; else the back-office home.</summary>
    private string SafeReturnUrl(string? returnUrl) =>
        returnUrl is not null && Url.IsLocalUrl(returnUrl)
        && (returnUrl == Home || returnUrl.StartsWith(Home + "/", StringComparison.OrdinalIgnoreCase))
            ? returnUrl
            : Home;
}
