using System.Globalization;
using CertificateInquiry.Web.Features.Staff.Account;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.AgencyPortal.Account;

/// <summary>
/// The signed-in agency portal user's own account: setting up the authenticator app (required of everyone before any
/// other page) and changing the password (required first when an administrator made it). The back-office's password
/// rules, throttle and audit (<see cref="PasswordChange"/>) apply unchanged.
/// </summary>
[Route("agency/account")]
public sealed class AgencyAccountSettingsController(
    UserManager<StaffUser> userManager,
    SignInManager<StaffUser> signInManager,
    PasswordChange passwordChange,
    IOptions<StaffOptions> staffOptions,
    ILogger<AgencyAccountSettingsController> logger) : AgencyPortalController
{
    [AllowWithoutTwoFactor]
    [HttpGet("two-factor-setup")]
    public async Task<IActionResult> TwoFactorSetup()
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        return user.TwoFactorEnabled ? View("TwoFactorEnabled") : View(await SetupPageAsync(user));
    }

    [AllowWithoutTwoFactor]
    [HttpPost("two-factor-setup")]
    public async Task<IActionResult> TwoFactorSetup([FromForm] CodeInput input)
    {
        ModelState.Clear();
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return Redirect(AgencyPortalDefaults.TwoFactorSetupPath);
        }

        input.Normalize();
        var error = AccountController.AuthenticatorCodeError(input.Code);
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

        // Both changes renewed the security stamp: re-issue this session's cookie (now with the two-factor claim).
        await signInManager.ForAgency().RefreshSignInAsync(user);
        AgencyPortalLog.TwoFactorEnabled(logger, user.Id);
        return View("RecoveryCodes", new RecoveryCodesPage(codes.ToList()));
    }

    [AllowWithoutTwoFactor]
    [AllowBeforePasswordChange]
    [HttpGet("password")]
    public IActionResult Password(bool changed = false) => View("ChangePassword", PasswordPage(changed));

    [AllowWithoutTwoFactor]
    [AllowBeforePasswordChange]
    [HttpPost("password")]
    public async Task<IActionResult> Password([FromForm] ChangePasswordInput input)
    {
        ModelState.Clear();
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        signInManager.ForAgency(); // the change re-issues this session's cookie: the agency one
        var (errors, retryAfter) = await passwordChange.ChangeAsync(user, input);
        if (errors.Count == 0)
        {
            return Redirect(AgencyPortalDefaults.PasswordPath + "?changed=true");
        }

        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field, error.Message);
        }

        string? hint = null;
        if (retryAfter > TimeSpan.Zero)
        {
            Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            hint = StaffSignIn.RetryHint(retryAfter);
        }

        return View("ChangePassword", PasswordPage(changed: false, hint));
    }

    private ChangePasswordPage PasswordPage(bool changed, string? retryHint = null) =>
        new(User.HasClaim(StaffClaimTypes.MustChangePassword, "true"), changed, retryHint);

    private async Task<TwoFactorSetupPage> SetupPageAsync(StaffUser user)
    {
        var key = await userManager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key renews the security stamp; the session is re-issued so it survives the next check.
            await userManager.ResetAuthenticatorKeyAsync(user);
            await signInManager.ForAgency().RefreshSignInAsync(user);
            key = await userManager.GetAuthenticatorKeyAsync(user)
                ?? throw new InvalidOperationException("Identity did not store an authenticator key.");
        }

        var uri = AuthenticatorSetup.OtpAuthUri(staffOptions.Value.AuthenticatorIssuer, user.Email ?? user.Id, key);
        return new TwoFactorSetupPage(AuthenticatorSetup.FormatKey(key), AuthenticatorSetup.QrCodeDataUri(uri), IsRequired: true);
    }
}
