using CertificateInquiry.BrowserTests.Infrastructure;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertificateInquiry.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class StaffSignInBrowserTests(BrowserFixture fixture)
{
    private const string Password = "a long staff passphrase";

    private async Task CreateUserAsync(string email, string role, string? province = null)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<StaffUserAccounts>()
            .CreateAsync(new NewStaffUser(email, Password, role, "سارا نوری", "مدیر فناوری اطلاعات ستاد", province, MustChangePassword: true),
                CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    [SkippableFact]
    public async Task A_new_national_admin_signs_in_chooses_a_password_sets_up_the_authenticator_app_and_reaches_the_back_office()
    {
        fixture.RequireBrowser();
        await CreateUserAsync("browser.admin@tvto.example", StaffRoles.NationalAdmin);
        await using var context = await fixture.NewContextAsync(1280, 900, phone: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Origin, "/admin").ToString());

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/sign-in"));
        await page.GetByLabel("ایمیل").FillAsync("browser.admin@tvto.example");
        await page.GetByLabel("گذرواژه").FillAsync("not the password");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "ورود", Exact = true }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("ایمیل یا گذرواژه درست نیست.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "staff-sign-in-error.png") });

        await page.GetByLabel("گذرواژه").FillAsync(Password);
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "ورود", Exact = true }).ClickAsync();

        // The password an admin made is for one use: the first page asks for the person's own.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/account/password$"));
        await Expect(page.Locator("[data-must-change]")).ToBeVisibleAsync();
        await page.GetByLabel("گذرواژه کنونی", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("گذرواژه تازه", new() { Exact = true }).FillAsync("my very own passphrase");
        await page.GetByLabel("تکرار گذرواژه تازه", new() { Exact = true }).FillAsync("my very own passphrase");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "staff-change-password.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "تغییر گذرواژه" }).ClickAsync();
        await Expect(page.Locator("[data-done]")).ToContainTextAsync("گذرواژه شما عوض شد");
        await page.GetByRole(AriaRole.Link, new() { Name = "ادامه به میز کار" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/account/two-factor-setup$"));
        var qr = page.Locator("img.authenticator-qr");
        await Expect(qr).ToBeVisibleAsync();
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The QR code image did not load.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "staff-two-factor-setup.png"), FullPage = true });

        var key = await page.Locator("[data-authenticator-key]").InnerTextAsync();
        await page.GetByLabel("کد ۶ رقمی").FillAsync(Totp.Code(key));
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "تأیید و فعال‌سازی" }).ClickAsync();
        await Expect(page.Locator("[data-recovery-codes] li")).ToHaveCountAsync(10);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "staff-recovery-codes.png") });

        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "کدها را نگه داشتم؛ ادامه" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("میز کار کارشناسان");
        await Expect(page.Locator("[data-staff-profile]")).ToContainTextAsync("همه استان‌ها");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "staff-home.png") });

        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "خروج" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("از حساب کاربری خود خارج شدید.");
        await page.AssertAccessibleAsync();
        await page.GotoAsync(new Uri(fixture.Origin, "/admin").ToString());
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/sign-in"));
        await page.AssertAccessibleAsync();
    }
}
