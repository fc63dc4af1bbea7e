using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Infrastructure.Identity;

namespace CertificateInquiry.IntegrationTests.Staff;

public sealed class TwoFactorTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private const string SetupPath = "/admin/account/two-factor-setup";

    private static string? Location(HttpResponseMessage response) => StaffSignInTests.Location(response);

    private static Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Document)> SubmitCodeAsync(
        Browser browser, string page, string action, string code) =>
        Forms.SubmitAsync(browser.Client, page, action, ("Code", code), ("ReturnUrl", "/admin"));

    [Fact]
    public async Task A_national_admin_without_two_factor_is_sent_to_set_it_up_and_can_do_nothing_else_until_then()
    {
        await portal.CreateUserAsync("admin.setup@tvto.example", StaffRoles.NationalAdmin, name: "سارا نوری");
        var browser = portal.OpenBrowser();

        var (signIn, _) = await browser.SignInAsync("admin.setup@tvto.example");
        var home = await browser.Client.GetAsync("/admin");
        var adminsOnly = await browser.Client.GetAsync("/admin/__test/admins-only");
        var (setupResponse, setup) = await HtmlPage.GetAsync(browser.Client, SetupPath);
        var key = setup.QuerySelector("[data-authenticator-key]")!.Text();
        var (_, again) = await HtmlPage.GetAsync(browser.Client, SetupPath);

        Assert.Equal(SetupPath, Location(signIn));
        Assert.Equal(SetupPath, Location(home));
        Assert.Equal(SetupPath, Location(adminsOnly));
        Assert.Equal(HttpStatusCode.OK, setupResponse.StatusCode);
        Assert.Matches("^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$", key);
        Assert.Equal(key, again.QuerySelector("[data-authenticator-key]")!.Text()); // the same key until it is confirmed
        Assert.StartsWith("data:image/png;base64,", setup.QuerySelector("img.authenticator-qr")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Contains("الزامی", setup.QuerySelector("main")!.Text(), StringComparison.Ordinal);

        var (_, wrong) = await SubmitCodeAsync(browser, SetupPath, SetupPath, "000000");
        Assert.Contains("کد درست نیست", wrong.QuerySelector("[data-error-summary] li")!.Text(), StringComparison.Ordinal);
        Assert.Equal(SetupPath, Location(await browser.Client.GetAsync("/admin")));

        var (confirmed, codes) = await SubmitCodeAsync(browser, SetupPath, SetupPath, Persian(portal.NextCode(key.Replace(" ", "", StringComparison.Ordinal))));
        var recoveryCodes = codes.QuerySelectorAll("[data-recovery-codes] li").Select(li => li.Text()).ToList();
        var (homeResponse, homePage) = await HtmlPage.GetAsync(browser.Client, "/admin");
        var afterSetup = await browser.Client.GetAsync("/admin/__test/admins-only");

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(10, recoveryCodes.Count);
        Assert.Equal(10, recoveryCodes.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, homeResponse.StatusCode);
        Assert.Contains("همه استان‌ها", homePage.QuerySelector("[data-staff-profile]")!.Text(), StringComparison.Ordinal);
        Assert.NotNull(homePage.QuerySelector("a[href='/admin/users']"));
        Assert.Equal(HttpStatusCode.OK, afterSetup.StatusCode);
        Assert.True(await portal.WithUsersAsync(async users => (await users.FindByEmailAsync("admin.setup@tvto.example"))!.TwoFactorEnabled));
    }

    [Fact]
    public async Task With_two_factor_on_the_password_alone_does_not_sign_in_and_the_app_code_does()
    {
        await portal.CreateUserAsync("manager.totp@tvto.example", StaffRoles.ProvincialManager, "اصفهان");
        var (key, _) = await portal.EnableTwoFactorAsync("manager.totp@tvto.example");
        var browser = portal.OpenBrowser();

        var (password, _) = await browser.SignInAsync("manager.totp@tvto.example");
        var sessionAfterPassword = browser.Cookie("ci-staff");
        var halfSignedIn = browser.Cookie("ci-staff-2fa");
        var halfway = await browser.Client.GetAsync("/admin");
        var (_, wrong) = await SubmitCodeAsync(browser, "/admin/two-factor?returnUrl=%2Fadmin", "/admin/two-factor", "123 456");
        var (right, _) = await SubmitCodeAsync(browser, "/admin/two-factor?returnUrl=%2Fadmin", "/admin/two-factor", portal.NextCode(key));
        var home = await browser.Client.GetAsync("/admin");

        Assert.Equal("/admin/two-factor?returnUrl=%2Fadmin", Location(password));
        Assert.Null(sessionAfterPassword);
        Assert.NotNull(halfSignedIn);
        Assert.Null(browser.Cookie("ci-staff-2fa")); // gone once the code is accepted
        Assert.Equal(HttpStatusCode.Redirect, halfway.StatusCode);
        Assert.Contains("کد درست نیست", wrong.QuerySelector("[data-error-summary] li")!.Text(), StringComparison.Ordinal);
        Assert.Equal("/admin", Location(right));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        await portal.CreateUserAsync("expert.recovery@tvto.example", StaffRoles.ProvincialExpert, "البرز");
        var (_, codes) = await portal.EnableTwoFactorAsync("expert.recovery@tvto.example");
        const string Page = "/admin/two-factor/recovery-code?returnUrl=%2Fadmin";
        const string Action = "/admin/two-factor/recovery-code";

        var first = portal.OpenBrowser();
        await first.SignInAsync("expert.recovery@tvto.example");
        var (used, _) = await SubmitCodeAsync(first, Page, Action, " " + codes[0].ToLowerInvariant() + " ");
        var second = portal.OpenBrowser();
        await second.SignInAsync("expert.recovery@tvto.example");
        var (_, reused) = await SubmitCodeAsync(second, Page, Action, codes[0]);

        Assert.Equal("/admin", Location(used));
        Assert.Equal(HttpStatusCode.OK, (await first.Client.GetAsync("/admin")).StatusCode);
        Assert.Equal("کد بازیابی درست نیست یا پیش‌تر به کار رفته است.", reused.QuerySelector("[data-error-summary] li")!.Text());
        Assert.Equal(HttpStatusCode.Redirect, (await second.Client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task An_authenticator_code_signs_in_once_and_is_refused_when_used_again()
    {
        const string Email = "manager.replay@tvto.example";
        const string Page = "/admin/two-factor?returnUrl=%2Fadmin";
        await portal.CreateUserAsync(Email, StaffRoles.ProvincialManager, "اصفهان");
        var (key, _) = await portal.EnableTwoFactorAsync(Email);
        var code = portal.NextCode(key);

        var first = portal.OpenBrowser();
        await first.SignInAsync(Email);
        var (used, _) = await SubmitCodeAsync(first, Page, "/admin/two-factor", code);
        var second = portal.OpenBrowser(); // someone who saw the code and knows the password
        await second.SignInAsync(Email);
        var (replayedResponse, replayed) = await SubmitCodeAsync(second, Page, "/admin/two-factor", code);

        Assert.Equal("/admin", Location(used));
        Assert.Equal(HttpStatusCode.OK, replayedResponse.StatusCode);
        Assert.Contains("کد درست نیست", replayed.QuerySelector("[data-error-summary] li")!.Text(), StringComparison.Ordinal);
        Assert.Null(second.Cookie("ci-staff"));
        Assert.Equal(HttpStatusCode.Redirect, (await second.Client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_provincial_manager_without_two_factor_is_sent_to_set_it_up_and_can_do_nothing_else_until_then()
    {
        await portal.CreateUserAsync("manager.setup@tvto.example", StaffRoles.ProvincialManager, "تهران");
        var browser = portal.OpenBrowser();

        var (signIn, _) = await browser.SignInAsync("manager.setup@tvto.example");
        var requests = await browser.Client.GetAsync("/admin/requests");
        var dashboard = await browser.Client.GetAsync("/admin/dashboard");
        var (setupResponse, setup) = await HtmlPage.GetAsync(browser.Client, SetupPath);

        Assert.Equal(SetupPath, Location(signIn));
        Assert.Equal(SetupPath, Location(requests));
        Assert.Equal(SetupPath, Location(dashboard));
        Assert.Equal(HttpStatusCode.OK, setupResponse.StatusCode);
        Assert.Contains("الزامی", setup.QuerySelector("main")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_factor_is_optional_for_provincial_staff()
    {
        await portal.CreateUserAsync("expert.optional@tvto.example", StaffRoles.ProvincialExpert, "تهران");
        var browser = portal.OpenBrowser();

        var (signIn, _) = await browser.SignInAsync("expert.optional@tvto.example");
        var (home, page) = await HtmlPage.GetAsync(browser.Client, "/admin");

        Assert.Equal("/admin", Location(signIn));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.NotNull(page.QuerySelector($"a[href='{SetupPath}']"));
    }

    [Fact]
    public async Task The_code_page_without_the_password_step_goes_back_to_sign_in()
    {
        var response = await portal.OpenBrowser().Client.GetAsync("/admin/two-factor");

        Assert.StartsWith("/admin/sign-in", Location(response), StringComparison.Ordinal);
    }

    private static string Persian(string digits) => CertificateInquiry.Web.Infrastructure.Persian.PersianText.ToPersianDigits(digits);
}
