using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CertificateInquiry.BrowserTests.Infrastructure;

/// <summary>National admins and provincial managers sign in with an authenticator app: the tests' app.</summary>
public static class StaffTwoFactor
{
    /// <summary>Turns on two-factor sign-in for the user, as the set-up page would; returns the shared key.</summary>
    public static async Task<string> EnableAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    /// <summary>On the code page after the password, types the app's current code and signs in.</summary>
    public static async Task EnterCodeAsync(IPage page, string key)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/two-factor"));
        await page.GetByLabel("کد ۶ رقمی").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "ورود", Exact = true }).ClickAsync();
    }
}
