using System.Globalization;
using CertificateInquiry.Web.Features.Staff.Account;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.AgencyPortal.Account;

/// <summary>
/// Agency portal sign-in: e-mail and password, then the code of an authenticator app (or a recovery code); signing out;
/// the page a session that may no longer be used ends on. Every failure gets the same message; repeated failures are
/// held back for a while (<see cref="AgencySignIn"/>), and no account is ever locked by them.
/// </summary>
[Route("agency")]
public sealed class AgencyAccountController(AgencySignIn agencySignIn, UserManager<StaffUser> userManager) : AgencyPortalController
{
    public const string WrongCredentialsMessage = "ایمیل یا گذرواژه درست نیست، یا این حساب یا دستگاه آن اکنون اجازه ورود ندارد.";

    [AllowAnonymous]
    [AllowBeforePasswordChange]
    [AllowWithoutTwoFactor]
    [HttpGet("sign-in")]
    public async Task<IActionResult> SignIn(string? returnUrl, bool signedOut = false)
    {
        if ((await HttpContext.AuthenticateAsync(AgencyPortalDefaults.Scheme)).Succeeded)
        {
            return LocalRedirect(AgencyPortalDefaults.SafeReturnUrl(returnUrl));
        }

        return View(new SignInPage(new SignInInput { ReturnUrl = KeptReturnUrl(returnUrl) }, signedOut));
    }

    [AllowAnonymous]
    [AllowBeforePasswordChange]
    [AllowWithoutTwoFactor]
    [HttpPost("sign-in")]
    public async Task<IActionResult> SignIn([FromForm] SignInInput input)
    {
        ModelState.Clear(); // model binding's own messages are English
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

        var attempt = await agencySignIn.WithPasswordAsync(input.Email!, input.Password!);
        switch (attempt.Outcome)
        {
            case SignInOutcome.SignedIn:
                // The filters send a user with a one-time password, or without an authenticator app, to fix that first.
                return attempt.User!.MustChangePassword ? Redirect(AgencyPortalDefaults.PasswordPath)
                    : Redirect(AgencyPortalDefaults.TwoFactorSetupPath);
            case SignInOutcome.RequiresTwoFactor:
                return Redirect(AgencyPortalDefaults.TwoFactorPath + QueryString.Create("returnUrl", AgencyPortalDefaults.SafeReturnUrl(input.ReturnUrl)));
            default:
                ModelState.AddModelError(nameof(input.Email), WrongCredentialsMessage);
                return SignInAgain(input, attempt);
        }
    }

    [AllowAnonymous]
    [AllowBeforePasswordChange]
    [AllowWithoutTwoFactor]
    [HttpGet("two-factor")]
    public Task<IActionResult> TwoFactor(string? returnUrl) => CodePageAsync(nameof(TwoFactor), returnUrl);

    [AllowAnonymous]
    [AllowBeforePasswordChange]
    [AllowWithoutTwoFactor]
    [HttpPost("two-factor")]
    public Task<IActionResult> TwoFactor([FromForm] CodeInput input) => CodeAsync(nameof(TwoFactor), input, recoveryCode: false);

    [AllowAnonymous]
    [AllowBeforePasswordChange]
    [AllowWithoutTwoFactor]
    [HttpGet("two-factor/recovery-code")]
    public Task<IActionResult> RecoveryCode(string? returnUrl) => CodePageAsync(nameof(RecoveryCode), returnUrl);

    [AllowAnonymous]
    [AllowBeforePasswordChange]
    [AllowWithoutTwoFactor]
    [HttpPost("two-factor/recovery-code")]
    public Task<IActionResult> RecoveryCode([FromForm] CodeInput input) => CodeAsync(nameof(RecoveryCode), input, recoveryCode: true);

    /// <summary>Ends the session here and, by changing the security stamp, every other session of the user too.</summary>
    [AllowAnonymous]
    [AllowBeforePasswordChange]
    [AllowWithoutTwoFactor]
    [HttpPost("sign-out")]
    public new async Task<IActionResult> SignOut()
    {
        var session = await HttpContext.AuthenticateAsync(AgencyPortalDefaults.Scheme);
        var user = session.Succeeded ? await userManager.GetUserAsync(session.Principal!) : null;
        await agencySignIn.SignOutAsync(user);
        return Redirect(AgencyPortalDefaults.SignInPath + "?signedOut=true");
    }

    /// <summary>Where a session that may no longer be used (or a non-administrator on an administrator's page) ends up.</summary>
    [AllowAnonymous]
    [AllowBeforePasswordChange]
    [AllowWithoutTwoFactor]
    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    private async Task<IActionResult> CodePageAsync(string view, string? returnUrl)
    {
        if (await agencySignIn.HalfSignedInUserAsync() is null)
        {
            return Redirect(AgencyPortalDefaults.SignInPath);
        }

        return View(view, new TwoFactorPage(KeptReturnUrl(returnUrl)));
    }

    private async Task<IActionResult> CodeAsync(string view, CodeInput input, bool recoveryCode)
    {
        ModelState.Clear();
        var user = await agencySignIn.HalfSignedInUserAsync();
        if (user is null)
        {
            // The five minutes between password and code are over (or the account changed meanwhile): start again.
            return Redirect(AgencyPortalDefaults.SignInPath);
        }

        input.Normalize();
        input.ReturnUrl = KeptReturnUrl(input.ReturnUrl);
        var error = recoveryCode
            ? string.IsNullOrEmpty(input.Code) ? "یکی از کدهای بازیابی را وارد کنید." : null
            : AccountController.AuthenticatorCodeError(input.Code);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(input.Code), error);
            return View(view, new TwoFactorPage(input.ReturnUrl));
        }

        var attempt = await agencySignIn.WithCodeAsync(user, input.Code!, recoveryCode);
        if (attempt.Outcome == SignInOutcome.SignedIn)
        {
            return LocalRedirect(AgencyPortalDefaults.SafeReturnUrl(input.ReturnUrl));
        }

        SayWhenToRetry(attempt);
        ModelState.AddModelError(nameof(input.Code), recoveryCode ? AccountController.WrongRecoveryCodeMessage : AccountController.WrongCodeMessage);
        return View(view, new TwoFactorPage(input.ReturnUrl, attempt.RetryHint));
    }

    private IActionResult SignInAgain(SignInInput input, SignInAttempt? attempt = null)
    {
        SayWhenToRetry(attempt);

        // The password is never sent back into the page, nor an e-mail too long to be one.
        return View(nameof(SignIn), new SignInPage(
            new SignInInput { Email = input.Email is { Length: <= 254 } email ? email : null, ReturnUrl = KeptReturnUrl(input.ReturnUrl) },
            SignedOut: false, attempt?.RetryHint));
    }

    /// <summary>A held-back attempt: the page says when to try again, and so does <c>Retry-After</c> for a script.</summary>
    private void SayWhenToRetry(SignInAttempt? attempt)
    {
        if (attempt is { Outcome: SignInOutcome.HeldBack })
        {
            Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(attempt.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Only an agency portal address travels on in the forms; anything else is dropped.</summary>
    private static string? KeptReturnUrl(string? returnUrl) =>
        AgencyPortalDefaults.SafeReturnUrl(returnUrl) is var safe && safe == returnUrl ? safe : null;
}
