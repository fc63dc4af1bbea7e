using System.Globalization;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Staff.Account;

/// <summary>
/// /admin/account/password: a signed-in member of staff changes their password. Someone whose password an admin made
/// or reset is sent here from every other back-office page until they have (<see cref="RequirePasswordChangeFilter"/>).
/// </summary>
[Route("admin/account/password")]
[AllowWithoutTwoFactor]
[AllowBeforePasswordChange]
public sealed class PasswordController(PasswordChange passwordChange, UserManager<StaffUser> userManager) : StaffController
{
    [HttpGet("")]
    public IActionResult Index(bool changed = false) => View("ChangePassword", Page(changed));

    [HttpPost("")]
    public async Task<IActionResult> Index([FromForm] ChangePasswordInput input)
    {
        var user = await userManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var (errors, retryAfter) = await passwordChange.ChangeAsync(user, input);
        if (errors.Count == 0)
        {
            return Redirect(RequirePasswordChangeFilter.ChangePath + "?changed=true");
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

        return View("ChangePassword", Page(changed: false, hint));
    }

    private ChangePasswordPage Page(bool changed, string? retryHint = null) =>
        new(User.HasClaim(StaffClaimTypes.MustChangePassword, "true"), changed, retryHint);
}
