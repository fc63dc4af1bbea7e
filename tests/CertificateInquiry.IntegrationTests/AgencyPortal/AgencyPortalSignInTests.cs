using System.Net;
using System.Net.Http.Headers;
using CertificateInquiry.IntegrationTests.AgencyApi;
using CertificateInquiry.IntegrationTests.Agencies;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.IntegrationTests.Staff;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.AgencyPortal.Account;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Features.Agencies;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.AgencyPortal;

/// <summary>Signing in to the agency portal: password, then an authenticator code, always; and what comes first.</summary>
public sealed class AgencyPortalSignInTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private static string? Location(HttpResponseMessage response) => response.Headers.Location?.OriginalString;

    [Fact]
    public async Task A_signed_in_user_sees_the_dashboard_with_the_agency_its_scopes_and_quota()
    {
        var (client, agency, account) = await AgencyPortalUsers.SignedInForNewAgencyAsync(portal, AgencyScopes.Verify | AgencyScopes.Batch);

        var (response, page) = await HtmlPage.GetAsync(client, "/agency");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var name = await portal.WithDatabaseAsync(db => db.AgencyClients.Where(a => a.Id == agency.AgencyId).Select(a => a.Name).SingleAsync());
        Assert.Equal(name, page.QuerySelector("[data-agency-name]")?.TextContent.Trim());
        Assert.Contains("استعلام دسته‌ای", page.QuerySelector("[data-agency-scopes]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("۱٬۰۰۰", page.QuerySelector("[data-agency-quota]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(account.FullName, page.QuerySelector(".staff-navigation__user")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/agency/batches']"));
        Assert.Null(page.QuerySelector("[data-agency-users-link]")); // an officer: no users page
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_counts_the_rows_answered_today_not_the_rows_reserved_ahead_of_use()
    {
        var (client, agency, _) = await AgencyPortalUsers.SignedInForNewAgencyAsync(portal, AgencyScopes.Verify);
        var api = portal.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await AgencyApiClients.TokenAsync(api, agency));
        Assert.Equal(HttpStatusCode.OK, (await api.InquireAsync(AgencyApiClients.Query("0076543218", "1401-08-000101"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.InquireAsync(AgencyApiClients.Query("0076543218", "1399-01-999999"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.InquireAsync(AgencyApiClients.Query("123", "1401-08-000101"))).StatusCode);
        await Poll.UntilAsync(
            () => portal.WithDatabaseAsync(db => db.InquiryAudit.CountAsync(e => e.AgencyClientId == agency.AgencyId)), count => count == 3, "the audit writer");

        var (_, page) = await HtmlPage.GetAsync(client, "/agency");

        // Blocks of 20 rows (a fiftieth of 1,000) are reserved: the first, and the next one in the background once
        // less than a block was left (ADR-026); two were answered, and the invalid one takes none.
        await Poll.UntilAsync(
            () => portal.WithDatabaseAsync(db => db.AgencyDailyUsage.Where(u => u.AgencyClientId == agency.AgencyId).SumAsync(u => u.Rows)),
            reserved => reserved == 40, "the next block reserved in the background");
        Assert.Contains("۲ ردیف از ۱٬۰۰۰", page.QuerySelector("[data-agency-quota]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anyone_not_signed_in_is_sent_to_the_agency_sign_in_page()
    {
        var response = await AgencyPortalUsers.OpenClient(portal).GetAsync("/agency");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost/agency/sign-in?returnUrl=%2Fagency", Location(response));
    }

    [Fact]
    public async Task The_password_alone_does_not_sign_in_a_user_with_an_authenticator()
    {
        var agency = await AgencyClients.RegisterAsync(portal);
        var account = await AgencyPortalUsers.CreateAsync(portal, agency.AgencyId);
        var client = AgencyPortalUsers.OpenClient(portal);

        var (password, _) = await Forms.SubmitAsync(client, "/agency/sign-in", "/agency/sign-in", ("Email", account.Email), ("Password", account.Password));
        var dashboard = await client.GetAsync("/agency");

        Assert.Equal("/agency/two-factor?returnUrl=%2Fagency", Location(password));
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.StartsWith("http://localhost/agency/sign-in", Location(dashboard), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_without_an_authenticator_must_set_one_up_before_any_other_page()
    {
        var agency = await AgencyClients.RegisterAsync(portal);
        var account = await AgencyPortalUsers.CreateAsync(portal, agency.AgencyId);
        await portal.WithUsersAsync(async users =>
        {
            var user = (await users.FindByIdAsync(account.UserId))!;
            await users.SetTwoFactorEnabledAsync(user, false);
            return await users.ResetAuthenticatorKeyAsync(user);
        });
        var client = AgencyPortalUsers.OpenClient(portal);

        var (password, _) = await Forms.SubmitAsync(client, "/agency/sign-in", "/agency/sign-in", ("Email", account.Email), ("Password", account.Password));
        var dashboard = await client.GetAsync("/agency");
        var (setup, setupPage) = await HtmlPage.GetAsync(client, "/agency/account/two-factor-setup");
        var key = setupPage.QuerySelector("[data-authenticator-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        var (enabled, codes) = await Forms.SubmitAsync(client, "/agency/account/two-factor-setup", "/agency/account/two-factor-setup",
            ("Code", await AgencyPortalUsers.NextCodeAsync(portal, key)));
        var after = await client.GetAsync("/agency");

        Assert.Equal("/agency/account/two-factor-setup", Location(password));
        Assert.Equal("/agency/account/two-factor-setup", Location(dashboard));
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.Equal(10, codes.QuerySelectorAll("[data-recovery-codes] li").Length);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_one_time_password_from_an_administrator_must_be_changed_first()
    {
        var agency = await AgencyClients.RegisterAsync(portal);
        var account = await AgencyPortalUsers.CreateAsync(portal, agency.AgencyId);
        await portal.WithDatabaseAsync(db => db.Users.Where(u => u.Id == account.UserId)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.MustChangePassword, true)));
        var client = await AgencyPortalUsers.SignedInAsync(portal, account);

        var dashboard = await client.GetAsync("/agency");
        var setup = await client.GetAsync("/agency/account/two-factor-setup");
        var (changed, _) = await Forms.SubmitAsync(client, "/agency/account/password", "/agency/account/password",
            ("CurrentPassword", account.Password), ("NewPassword", "a passphrase of my own"), ("ConfirmPassword", "a passphrase of my own"));
        var after = await client.GetAsync("/agency");

        Assert.Equal("/agency/account/password", Location(dashboard));
        Assert.Equal("/agency/account/password", Location(setup));
        Assert.Equal("/agency/account/password?changed=true", Location(changed));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        var audited = await portal.WithDatabaseAsync(db => db.StaffAudit.AnyAsync(e => e.UserId == account.UserId && e.Action == "user.password.change"));
        Assert.True(audited);
    }

    [Fact]
    public async Task A_member_of_staff_cannot_sign_in_to_the_agency_portal_nor_an_agency_user_to_the_back_office()
    {
        await portal.CreateUserAsync("admin.crossing@tvto.example", StaffRoles.NationalAdmin);
        var agency = await AgencyClients.RegisterAsync(portal);
        var account = await AgencyPortalUsers.CreateAsync(portal, agency.AgencyId, administrator: true);

        var (staffAtAgency, staffPage) = await Forms.SubmitAsync(AgencyPortalUsers.OpenClient(portal), "/agency/sign-in", "/agency/sign-in",
            ("Email", "admin.crossing@tvto.example"), ("Password", StaffPortal.Password));
        var (agencyAtAdmin, agencyPage) = await portal.OpenBrowser().SignInAsync(account.Email, account.Password);

        Assert.Equal(HttpStatusCode.OK, staffAtAgency.StatusCode);
        Assert.Contains(AgencyAccountController.WrongCredentialsMessage, staffPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, agencyAtAdmin.StatusCode);
        Assert.Contains("ایمیل یا گذرواژه درست نیست.", agencyPage.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_cookie_does_not_open_the_agency_portal_nor_an_agency_cookie_the_back_office()
    {
        await portal.CreateUserAsync("expert.crossing@tvto.example", StaffRoles.ProvincialExpert, "قم");
        var staff = await portal.SignedInBrowserAsync("expert.crossing@tvto.example");
        var staffCookie = staff.Cookie("ci-staff")!.Value;
        var (agencyClient, _, _) = await AgencyPortalUsers.SignedInForNewAgencyAsync(portal, administrator: true);
        var agencyCookie = await CookieOfAsync(agencyClient);
        var bare = portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        var staffAtAgency = await SendAsync(bare, "/agency", "ci-staff=" + staffCookie);
        var agencyAtAdmin = await SendAsync(bare, "/admin", "ci-agency=" + agencyCookie);
        var agencyRenamedAtAdmin = await SendAsync(bare, "/admin", "ci-staff=" + agencyCookie);
        var staffRenamedAtAgency = await SendAsync(bare, "/agency", "ci-agency=" + staffCookie);
        var agencyAtAgency = await SendAsync(bare, "/agency", "ci-agency=" + agencyCookie);

        Assert.StartsWith("http://localhost/agency/sign-in", Location(staffAtAgency), StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/admin/sign-in", Location(agencyAtAdmin), StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/admin/sign-in", Location(agencyRenamedAtAdmin), StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/agency/sign-in", Location(staffRenamedAtAgency), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, agencyAtAgency.StatusCode); // the cookie itself is good
    }

    [Fact]
    public async Task A_suspended_agencys_users_cannot_sign_in_and_an_open_session_stops_at_the_next_request()
    {
        var (client, agency, account) = await AgencyPortalUsers.SignedInForNewAgencyAsync(portal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/agency")).StatusCode);

        await AgencyClients.WithRegistryAsync(portal, registry => registry.SuspendAsync(agency.AgencyId, "آزمون", CancellationToken.None));
        var next = await client.GetAsync("/agency");
        var again = await client.GetAsync("/agency");
        var (signIn, page) = await Forms.SubmitAsync(AgencyPortalUsers.OpenClient(portal), "/agency/sign-in", "/agency/sign-in",
            ("Email", account.Email), ("Password", account.Password));

        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("http://localhost/agency/access-denied", Location(next), StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/agency/sign-in", Location(again), StringComparison.Ordinal); // the cookie was dropped
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains(AgencyAccountController.WrongCredentialsMessage, page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_open_session_stops_at_the_next_request_once_the_agencys_last_day_has_passed()
    {
        var (client, agency, _) = await AgencyPortalUsers.SignedInForNewAgencyAsync(portal);
        var before = await client.GetAsync("/agency");

        // The last day moved into the past (as by an edit on another server), and this server's 15-second memory of it gone.
        var yesterday = IranTime.Today(portal.Clock).AddDays(-1);
        await portal.WithDatabaseAsync(db => db.AgencyClients.Where(a => a.Id == agency.AgencyId)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.ExpiresOn, yesterday)));
        portal.Services.GetRequiredService<AgencyDirectory>().Forget(agency.AgencyId);
        var after = await client.GetAsync("/agency");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.StartsWith("http://localhost/agency/access-denied", Location(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_agencys_users_cannot_sign_in()
    {
        var agency = await AgencyClients.RegisterAsync(portal, expiresInDays: -1);
        var account = await AgencyPortalUsers.CreateAsync(portal, agency.AgencyId);

        var (signIn, page) = await Forms.SubmitAsync(AgencyPortalUsers.OpenClient(portal), "/agency/sign-in", "/agency/sign-in",
            ("Email", account.Email), ("Password", account.Password));

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains(AgencyAccountController.WrongCredentialsMessage, page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_and_the_old_cookie_stops_working()
    {
        var (client, _, _) = await AgencyPortalUsers.SignedInForNewAgencyAsync(portal);
        var cookie = await CookieOfAsync(client);

        var (signOut, _) = await Forms.SubmitAsync(client, "/agency", "/agency/sign-out");
        var replayed = await SendAsync(portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }), "/agency", "ci-agency=" + cookie);

        Assert.Equal("/agency/sign-in?signedOut=true", Location(signOut));
        Assert.StartsWith("http://localhost/agency/", Location(replayed), StringComparison.Ordinal);
    }

    internal static Task<string> CookieOfAsync(HttpClient client) =>
        Task.FromResult(AgencyPortalUsers.CookieOf(client, "ci-agency") ?? throw new InvalidOperationException("The client holds no agency cookie."));

    internal static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }
}
