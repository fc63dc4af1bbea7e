using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.IntegrationTests.Staff;
using CertificateInquiry.Web.Features.Admin.Users;
using CertificateInquiry.Web.Infrastructure.Identity;
using static CertificateInquiry.IntegrationTests.Admin.AdminPages;

namespace CertificateInquiry.IntegrationTests.Admin;

/// <summary>
/// A password an admin made or reset is a one-time password: its owner must replace it at the next sign-in, and nothing
/// else in the back-office opens until then. These tests move the portal's clock, so they have a portal of their own.
/// </summary>
public sealed class StaffPasswordResetTests(AdminPortal portal) : IClassFixture<AdminPortal>
{
    private const string ChangePage = PasswordChangeTests.Page;

    [Fact]
    public async Task An_account_an_admin_created_must_change_its_password_at_first_sign_in()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var email = portal.NewEmail("first.sign.in");
        var (_, created) = await Forms.SubmitAsync(admin.Client, "/admin/users/new", "/admin/users/new",
            ("Email", email), ("FullName", "نسرین امینی"), ("Role", StaffRoles.ProvincialExpert),
            ("ProvinceId", AdminPortal.ProvinceId("کرمانشاه").ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("PasswordChoice", PasswordChoice.Generate));
        var firstPassword = created.QuerySelector("[data-generated-password]")!.Text();
        var browser = portal.OpenBrowser();

        var (signIn, _) = await browser.SignInAsync(email, firstPassword);
        var home = await browser.Client.GetAsync("/admin");
        var requests = await browser.Client.GetAsync("/admin/requests");
        var (formResponse, form) = await HtmlPage.GetAsync(browser.Client, ChangePage);
        var (changed, _) = await PasswordChangeTests.ChangeAsync(browser, firstPassword, "my own long passphrase");
        var homeAfter = await browser.Client.GetAsync("/admin");
        var (again, _) = await portal.OpenBrowser().SignInAsync(email, "my own long passphrase");

        Assert.Equal(ChangePage, Location(signIn));
        Assert.Equal(ChangePage, Location(home));
        Assert.Equal(ChangePage, Location(requests));
        Assert.Equal(HttpStatusCode.OK, formResponse.StatusCode);
        Assert.NotNull(form.QuerySelector("[data-must-change]"));
        Assert.Equal(ChangePage + "?changed=true", Location(changed));
        Assert.Equal(HttpStatusCode.OK, homeAfter.StatusCode);
        Assert.Equal("/admin", Location(again)); // asked once only
    }

    [Fact]
    public async Task A_national_admin_resets_a_password_shown_once_which_ends_the_sessions_and_must_be_changed()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var (expert, user) = await portal.SignInProvincialAsync(StaffRoles.ProvincialExpert, "لرستان", "بهرام کیانی");
        var page = $"/admin/users/{user.Id}";

        var (resetResponse, reset) = await Forms.SubmitAsync(admin.Client, page, page + "/reset-password");
        var oneTimePassword = reset.QuerySelector("[data-generated-password]")!.Text();
        var (_, userPage) = await HtmlPage.GetAsync(admin.Client, page);
        portal.Clock.Advance(TimeSpan.FromMinutes(2)); // past Staff:SecurityStampValidationInterval
        var openSession = await expert.Client.GetAsync("/admin");
        var (oldPassword, _) = await portal.OpenBrowser().SignInAsync(user.Email!);
        var (withOneTime, _) = await portal.OpenBrowser().SignInAsync(user.Email!, oneTimePassword);
        var audit = await portal.AuditAsync(StaffUserAdministration.SubjectType, user.Id);

        Assert.Equal(HttpStatusCode.OK, resetResponse.StatusCode);
        Assert.Matches("^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$", oneTimePassword);
        Assert.Contains("بهرام کیانی", reset.QuerySelector("h1")!.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(oneTimePassword, userPage.Body!.OuterHtml, StringComparison.Ordinal); // shown once only
        Assert.StartsWith("/admin/sign-in", Location(openSession), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode); // refused
        Assert.Equal(ChangePage, Location(withOneTime));
        var entry = Assert.Single(audit);
        Assert.Equal("user.password.reset", entry.Action);
        Assert.Equal(user.ProvinceId, entry.ProvinceId);
        Assert.Contains("بهرام کیانی", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(oneTimePassword, entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provincial_manager_cannot_reset_a_password()
    {
        var (_, expert) = await portal.SignInProvincialAsync(StaffRoles.ProvincialExpert, "لرستان");
        var (manager, _) = await portal.SignInProvincialAsync(StaffRoles.ProvincialManager, "لرستان");

        var response = await Forms.PostWithTokenFromAsync(manager.Client, "/admin", $"/admin/users/{expert.Id}/reset-password");
        var (stillOld, _) = await portal.OpenBrowser().SignInAsync(expert.Email!);

        Assert.StartsWith("/admin/access-denied", Location(response), StringComparison.Ordinal);
        Assert.Equal("/admin", Location(stillOld));
    }
}
