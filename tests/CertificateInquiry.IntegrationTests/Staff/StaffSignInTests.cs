using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Staff;

public sealed class StaffSignInTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private const string WrongCredentials = "ایمیل یا گذرواژه درست نیست.";

    /// <summary>Where a redirect leads, as path and query (the cookie handler writes absolute addresses, MVC relative ones).</summary>
    internal static string? Location(HttpResponseMessage response) => response.Headers.Location switch
    {
        null => null,
        { IsAbsoluteUri: true } absolute => absolute.PathAndQuery,
        var relative => relative.OriginalString,
    };

    [Fact]
    public async Task Back_office_pages_send_an_anonymous_visitor_to_the_sign_in_page()
    {
        var browser = portal.OpenBrowser();

        var home = await browser.Client.GetAsync("/admin");
        var (signInResponse, signIn) = await HtmlPage.GetAsync(browser.Client, "/admin/sign-in");

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/admin/sign-in?returnUrl=%2Fadmin", Location(home));
        Assert.Equal(HttpStatusCode.OK, signInResponse.StatusCode);
        Assert.Equal("ورود کارشناسان", signIn.QuerySelector("h1")!.Text());
        Assert.Equal("password", signIn.QuerySelector("input[name=Password]")!.GetAttribute("type"));
        Assert.Equal("current-password", signIn.QuerySelector("input[name=Password]")!.GetAttribute("autocomplete"));
        Assert.True(signInResponse.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task A_provincial_expert_signs_in_and_sees_name_role_and_province()
    {
        await portal.CreateUserAsync("expert.signin@tvto.example", StaffRoles.ProvincialExpert, "تهران", name: "فاطمه رحیمی");
        var browser = portal.OpenBrowser();

        var (response, _) = await browser.SignInAsync("expert.signin@tvto.example");
        var (_, home) = await HtmlPage.GetAsync(browser.Client, "/admin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", Location(response));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ci-staff=", StringComparison.Ordinal));
        Assert.Contains("path=/admin", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("expires=", cookie, StringComparison.Ordinal); // ends with the browser session
        var profile = home.QuerySelector("[data-staff-profile]")!.Text();
        Assert.Contains("فاطمه رحیمی", profile, StringComparison.Ordinal);
        Assert.Contains("کارشناس استانی", profile, StringComparison.Ordinal);
        Assert.Contains("تهران", profile, StringComparison.Ordinal);
        Assert.NotNull(home.QuerySelector("a[href='/admin/requests']"));
        Assert.Null(home.QuerySelector("a[href='/admin/users']")); // for national admins only
        Assert.NotNull(home.QuerySelector("form[action='/admin/sign-out']"));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_persian_error()
    {
        await portal.CreateUserAsync("expert.wrong@tvto.example", StaffRoles.ProvincialExpert, "اصفهان");
        var browser = portal.OpenBrowser();

        var (wrongPasswordResponse, wrongPassword) = await browser.SignInAsync("expert.wrong@tvto.example", "not the password");
        var (_, unknownEmail) = await browser.SignInAsync("nobody@tvto.example", "not the password");

        Assert.Equal(HttpStatusCode.OK, wrongPasswordResponse.StatusCode);
        Assert.StartsWith("خطا: ", wrongPassword.Title, StringComparison.Ordinal);
        Assert.Equal(WrongCredentials, wrongPassword.QuerySelector("[data-error-summary] li")!.Text());
        Assert.Equal(WrongCredentials, unknownEmail.QuerySelector("[data-error-summary] li")!.Text());
        Assert.Equal(
            wrongPassword.QuerySelector("main")!.Text().Replace("expert.wrong@tvto.example", "", StringComparison.Ordinal),
            unknownEmail.QuerySelector("main")!.Text().Replace("nobody@tvto.example", "", StringComparison.Ordinal));
        Assert.Equal("expert.wrong@tvto.example", wrongPassword.QuerySelector("input[name=Email]")!.GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(wrongPassword.QuerySelector("input[name=Password]")!.GetAttribute("value")));
        Assert.Null(browser.Cookie("ci-staff"));
    }

    [Fact]
    public async Task Empty_fields_are_named_in_the_error_summary()
    {
        var browser = portal.OpenBrowser();

        var (_, page) = await browser.SignInAsync("", "");

        var links = page.QuerySelectorAll("[data-error-summary] li a").ToDictionary(a => a.GetAttribute("href")!, a => a.Text());
        Assert.Equal("ایمیل را وارد کنید.", links["#Email"]);
        Assert.Equal("گذرواژه را وارد کنید.", links["#Password"]);
    }

    [Fact]
    public async Task Sign_in_returns_only_to_back_office_addresses()
    {
        await portal.CreateUserAsync("expert.return@tvto.example", StaffRoles.ProvincialExpert, "گیلان");
        var browser = portal.OpenBrowser();

        var (response, _) = await Forms.SubmitAsync(browser.Client, "/admin/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F", "/admin/sign-in",
            ("Email", "expert.return@tvto.example"), ("Password", StaffPortal.Password), ("ReturnUrl", "https://evil.example/"));

        Assert.Equal("/admin", Location(response));
    }

    [Fact]
    public async Task A_page_for_national_admins_refuses_a_provincial_user_with_the_persian_access_denied_page()
    {
        await portal.CreateUserAsync("manager.denied@tvto.example", StaffRoles.ProvincialManager, "کرمان");
        await portal.EnableTwoFactorAsync("manager.denied@tvto.example");
        var browser = await portal.SignedInBrowserAsync("manager.denied@tvto.example");

        var refused = await browser.Client.GetAsync("/admin/__test/admins-only");
        var (deniedResponse, denied) = await HtmlPage.GetAsync(browser.Client, Location(refused)!);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/admin/access-denied", Location(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, deniedResponse.StatusCode);
        Assert.Equal("اجازه دسترسی ندارید", denied.QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task A_provincial_user_gets_404_for_another_provinces_resource()
    {
        var kerman = Province("کرمان");
        var tehran = Province("تهران");
        await portal.CreateUserAsync("expert.scope@tvto.example", StaffRoles.ProvincialExpert, "کرمان");
        var browser = portal.OpenBrowser();
        await browser.SignInAsync("expert.scope@tvto.example");

        var own = await browser.Client.GetAsync($"/admin/__test/province/{kerman}");
        var other = await browser.Client.GetAsync($"/admin/__test/province/{tehran}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public void Every_back_office_address_requires_a_signed_in_staff_user_except_the_sign_in_steps()
    {
        var anonymousAllowed = new[] { "admin/sign-in", "admin/two-factor", "admin/two-factor/recovery-code", "admin/access-denied" };
        var endpoints = portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("admin", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();

        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var anonymous = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(policies.Contains(StaffPolicies.Staff), $"{endpoint.RoutePattern.RawText} does not require the staff policy");
            Assert.Equal(anonymousAllowed.Contains(endpoint.RoutePattern.RawText), anonymous);
        }
    }

    private static int Province(string name) => CertificateInquiry.Web.Domain.Province.AllNames.ToList().IndexOf(name) + 1;
}
