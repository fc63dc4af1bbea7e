using System.Globalization;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Staff.Account;

/// <summary>
/// Staff sign-in: e-mail and password, then a code from an authenticator app (or a recovery code) for users who set
/// one up; setting up the app (required for national admins); signing out. A failed sign-in never says whether the
/// e-mail or the password was wrong; failures lock the account (Staff:MaxFailedSignIns, Staff:LockoutDuration).
/// </summary>
[Route("admin")]
public sealed class AccountController(
    SignInManager<StaffUser> signInManager,
    UserManager<StaffUser> userManager,
    IOptions<StaffOptions> staffOptions,
    ILogger<AccountController> logger) : StaffController
{
    public const string WrongCredentialsMessage = "ایمیل یا گذرواژه درست نیست.";
    public const string WrongCodeMessage = "کد درست نیست. کد تازه‌ای را که برنامه احراز هویت نشان می‌دهد وارد کنید.";
    public const string WrongRecoveryCodeMessage = "کد بازیابی درست نیست یا پیش‌تر به کار رفته است.";

    private const string Home = "/admin";

    // Compared against when the e-mail is unknown, so that a miss takes as long as a wrong password.
    private static string? unknownUserHash;

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

        var user = await userManager.FindByEmailAsync(input.Email!);
        if (user is null)
        {
            var hasher = userManager.PasswordHasher;
            unknownUserHash ??= hasher.HashPassword(new StaffUser(), Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(new StaffUser(), unknownUserHash, input.Password!);
            logger.LogWarning("Staff sign-in failed: no user has the e-mail given");
            logger.LogDebug("Staff sign-in failed for unknown e-mail {Email}", input.Email);
            return SignInAgain(input, nameof(input.Email), WrongCredentialsMessage);
        }

        var result = await signInManager.PasswordSignInAsync(user, input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("Staff user {UserId} signed in", user.Id);
            return await MustSetUpTwoFactorAsync(user) ? Redirect(RequireTwoFactorEnrolmentFilter.SetupPath) : LocalRedirect(SafeReturnUrl(input.ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            logger.LogInformation("Staff user {UserId} gave the right password; asking for the two-factor code", user.Id);
            return RedirectToAction(nameof(TwoFactor), new { returnUrl = SafeReturnUrl(input.ReturnUrl) });
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Staff sign-in refused: user {UserId} is locked out", user.Id);
            return SignInAgain(input, nameof(input.Email), LockedOutMessage());
        }

        if (result.IsNotAllowed)
        {
            logger.LogWarning("Staff sign-in refused: user {UserId} is deactivated", user.Id);
        }
        else
        {
            logger.LogWarning("Staff sign-in failed for user {UserId}: wrong password", user.Id);
        }

        return SignInAgain(input, nameof(input.Email), WrongCredentialsMessage);
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

        var result = await signInManager.TwoFactorAuthenticatorSignInAsync(input.Code!, isPersistent: false, rememberClient: false);
        return TwoFactorOutcome(result, user, input, nameof(TwoFactor), WrongCodeMessage, "an authenticator code");
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

        var result = await signInManager.TwoFactorRecoveryCodeSignInAsync(input.Code);
        return TwoFactorOutcome(result, user, input, nameof(RecoveryCode), WrongRecoveryCodeMessage, "a recovery code");
    }

    /// <summary>Ends the session here and, by changing the security stamp, every other session of the user too.</summary>
    [AllowWithoutTwoFactor]
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

    private IActionResult SignInAgain(SignInInput input, string? field = null, string? message = null)
    {
        if (field is not null && message is not null)
        {
            ModelState.AddModelError(field, message);
        }

        // The password is never sent back into the page.
        return View(nameof(SignIn), new SignInPage(new SignInInput { Email = input.Email, ReturnUrl = input.ReturnUrl }, SignedOut: false));
    }

    private IActionResult TwoFactorOutcome(Microsoft.AspNetCore.Identity.SignInResult result, StaffUser user, CodeInput input, string view, string wrongMessage, string method)
    {
        if (result.Succeeded)
        {
            logger.LogInformation("Staff user {UserId} signed in with {Method}", user.Id, method);
            return LocalRedirect(SafeReturnUrl(input.ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Staff sign-in refused: user {UserId} is locked out", user.Id);
            ModelState.AddModelError(nameof(input.Code), LockedOutMessage());
        }
        else
        {
            logger.LogWarning("Staff sign-in failed for user {UserId}: wrong {Method}", user.Id, method);
            ModelState.AddModelError(nameof(input.Code), wrongMessage);
        }

        return View(view, new TwoFactorPage(input.ReturnUrl));
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
            AuthenticatorSetup.FormatKey(key), AuthenticatorSetup.QrCodeDataUri(uri), StaffAccess.IsNationalAdmin(User));
    }

    private async Task<bool> MustSetUpTwoFactorAsync(StaffUser user) =>
        !user.TwoFactorEnabled && await userManager.IsInRoleAsync(user, StaffRoles.NationalAdmin);

    private static string? AuthenticatorCodeError(string? code) => code switch
    {
        null or "" => "کد ۶ رقمی برنامه احراز هویت را وارد کنید.",
        { Length: 6 } when code.All(char.IsAsciiDigit) => null,
        _ => "کد باید ۶ رقم باشد.",
    };

    private string LockedOutMessage()
    {
        var minutes = (int)Math.Ceiling(staffOptions.Value.LockoutDuration.TotalMinutes);
        return "به دلیل چند ورود ناموفق پیاپی، این حساب برای "
            + PersianText.ToPersianDigits(minutes.ToString(CultureInfo.InvariantCulture))
            + " دقیقه قفل شده است. پس از آن دوباره تلاش کنید.";
    }

    /// <summary>Back to where the person was going, if that is a back-office address of this site; else the back-office home.</summary>
    private string SafeReturnUrl(string? returnUrl) =>
        returnUrl is not null && Url.IsLocalUrl(returnUrl)
        && (returnUrl == Home || returnUrl.StartsWith(Home + "/", StringComparison.OrdinalIgnoreCase))
            ? returnUrl
            : Home;
}
