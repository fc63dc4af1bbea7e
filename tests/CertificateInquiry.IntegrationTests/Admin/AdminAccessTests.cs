using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using static CertificateInquiry.IntegrationTests.Admin.AdminPages;

namespace CertificateInquiry.IntegrationTests.Admin;

/// <summary>Who reaches the administration pages: national admins (with two-factor sign-in) only; the dashboard for managers too.</summary>
public sealed class AdminAccessTests(AdminPortal portal) : IClassFixture<AdminPortal>
{
    public static TheoryData<string> AdminPages => new()
    {
        "/admin/users", "/admin/users/new", "/admin/tariffs", "/admin/tariffs/new", "/admin/import", "/admin/certificates",
        "/admin/agencies", "/admin/agencies/new", "/admin/messages", "/admin/payments/disagreements",
    };

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Provincial_managers_and_experts_get_the_access_denied_page(string path)
    {
        var (manager, _) = await portal.SignInProvincialAsync(StaffRoles.ProvincialManager, "تهران");
        var (expert, _) = await portal.SignInProvincialAsync(StaffRoles.ProvincialExpert, "تهران");

        foreach (var browser in new[] { manager, expert })
        {
            var response = await browser.Client.GetAsync(path);
            var (denied, _) = await HtmlPage.GetAsync(browser.Client, Location(response)!);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/access-denied", Location(response), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string path)
    {
        var response = await portal.OpenBrowser().Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/sign-in?returnUrl=", Location(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_managers_post_to_an_admin_action_changes_nothing()
    {
        var (manager, _) = await portal.SignInProvincialAsync(StaffRoles.ProvincialManager, "فارس");
        var year = await portal.WithDatabaseAsync(db => db.FeeTariffs.OrderBy(t => t.JalaliYear).Select(t => t.JalaliYear).FirstAsync());
        var before = await portal.WithDatabaseAsync(db => db.FeeTariffs.Where(t => t.JalaliYear == year).Select(t => t.AmountRials).SingleAsync());

        // The token of the sign-out form on the start page: a valid token, so only the role decides.
        var response = await Forms.PostWithTokenFromAsync(manager.Client, "/admin", "/admin/tariffs/" + year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ("OriginalAmount", before.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Amount", "1"));

        Assert.StartsWith("/admin/access-denied", Location(response), StringComparison.Ordinal);
        Assert.Equal(before, await portal.WithDatabaseAsync(db => db.FeeTariffs.Where(t => t.JalaliYear == year).Select(t => t.AmountRials).SingleAsync()));
    }

    [Fact]
    public async Task A_national_admin_without_two_factor_is_sent_to_set_it_up_first()
    {
        var email = portal.NewEmail("admin.no2fa");
        await portal.CreateUserAsync(email, StaffRoles.NationalAdmin);
        var browser = portal.OpenBrowser();
        await browser.SignInAsync(email);

        var response = await browser.Client.GetAsync("/admin/users");

        Assert.Equal("/admin/account/two-factor-setup", Location(response));
    }

    [Fact]
    public async Task The_start_page_links_each_role_to_its_own_pages()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var (manager, _) = await portal.SignInProvincialAsync(StaffRoles.ProvincialManager, "یزد");
        var (expert, _) = await portal.SignInProvincialAsync(StaffRoles.ProvincialExpert, "یزد");
        string[] adminLinks = ["/admin/users", "/admin/tariffs", "/admin/import", "/admin/certificates", "/admin/dashboard"];

        async Task<List<string>> LinksAsync(Staff.Browser browser)
        {
            var (_, page) = await HtmlPage.GetAsync(browser.Client, "/admin");
            return [.. adminLinks.Where(link => page.QuerySelector($"main a[href='{link}']") is not null)];
        }

        Assert.Equal(adminLinks, await LinksAsync(admin));
        Assert.Equal(["/admin/dashboard"], await LinksAsync(manager));
        Assert.Empty(await LinksAsync(expert));
        foreach (var link in adminLinks)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync(link)).StatusCode);
        }
    }
}
