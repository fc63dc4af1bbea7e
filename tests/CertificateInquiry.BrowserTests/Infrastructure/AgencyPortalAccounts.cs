using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Agencies;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CertificateInquiry.BrowserTests.Infrastructure;

/// <summary>
/// Agency portal users for browser tests: <see cref="CreateAsync"/> registers an agency and a user of it (active, own
/// password, authenticator set up); <see cref="SignInAsync"/> signs in through the real pages, as a person would.
/// </summary>
public static class AgencyPortalAccounts
{
    public const string Password = "agency portal passphrase";

    /// <summary>A new agency (all scopes unless told) and a user of it; returns the e-mail, the app's key and the agency's id.</summary>
    public static async Task<(string Email, string AuthenticatorKey, int AgencyId)> CreateAsync(
        IServiceProvider services,
        AgencyScopes scopes = AgencyScopes.Verify | AgencyScopes.Person | AgencyScopes.Batch,
        bool administrator = false,
        int quota = 100_000)
    {
        await using var scope = services.CreateAsyncScope();
        var agency = await scope.ServiceProvider.GetRequiredService<AgencyRegistry>().RegisterAsync(
            new NewAgency("دستگاه آزمایشی " + Guid.NewGuid().ToString("N")[..6], AgencyKind.Government, scopes, quota, null), CancellationToken.None);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = "agency-" + Guid.NewGuid().ToString("N")[..12] + "@example.test";
        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = "کارشناس دستگاه",
            AgencyClientId = agency.AgencyId,
            IsActive = true,
            CreatedAtUtc = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, administrator ? AgencyRoles.Administrator : AgencyRoles.Officer));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return (email, (await users.GetAuthenticatorKeyAsync(user))!, agency.AgencyId);
    }

    /// <summary>Signs in at /agency/sign-in with the password, then the app's current code; ends on the dashboard.</summary>
    public static async Task SignInAsync(IPage page, Uri origin, string email, string authenticatorKey)
    {
        await page.GotoAsync(new Uri(origin, "/agency/sign-in").ToString());
        await page.GetByLabel("ایمیل").FillAsync(email);
        await page.GetByLabel("گذرواژه").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ادامه", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/agency/two-factor"));
        await page.GetByLabel("کد ۶ رقمی").FillAsync(Totp.Code(authenticatorKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "ورود", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/agency$"));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
