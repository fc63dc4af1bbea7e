using System.Net;
using CertificateInquiry.IntegrationTests.Agencies;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.IntegrationTests.Staff;
using CertificateInquiry.Web.Features.AgencyPortal.Users;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.AgencyPortal;

/// <summary>/agency/users: an agency's administrator manages the agency's own users, and only those; and the national admin's part.</summary>
public sealed class AgencyPortalUsersTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private static string? Location(HttpResponseMessage response) => response.Headers.Location?.OriginalString;

    [Fact]
    public async Task An_administrator_creates_an_officer_who_signs_in_with_the_one_time_password_and_must_replace_it_and_set_up_the_app()
    {
        var (admin, _, _) = await AgencyPortalUsers.SignedInForNewAgencyAsync(portal, administrator: true);
        var email = $"officer-{Guid.NewGuid():N}"[..20] + "@bank.example";

        var (created, page) = await Forms.SubmitAsync(admin, "/agency/users/new", "/agency/users/new",
            ("Email", email), ("FullName", "مريم كاظمي"), ("Role", AgencyRoles.Officer));
        var password = page.QuerySelector("[data-one-time-password]")?.TextContent.Trim();
        var officer = AgencyPortalUsers.OpenClient(portal);
        var (signIn, _) = await Forms.SubmitAsync(officer, "/agency/sign-in", "/agency/sign-in", ("Email", email), ("Password", password ?? ""));
        var dashboard = await officer.GetAsync("/agency");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Matches("^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$", password);
        Assert.Equal("/agency/account/password", Location(signIn));
        Assert.Equal("/agency/account/password", Location(dashboard));
        var stored = await portal.WithDatabaseAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));
        Assert.Equal("مریم کاظمی", stored.FullName); // Arabic ي/ك stored as Persian ی/ک
        Assert.True(stored.MustChangePassword);
        Assert.True(await portal.WithDatabaseAsync(db => db.StaffAudit.AnyAsync(e => e.Action == "agency-user.create" && e.SubjectId == stored.Id)));
        Assert.False(portal.LogsContain(password!), "the one-time password was written to the log");
    }

    [Fact]
    public async Task An_officer_is_refused_the_users_pages()
    {
        var (officer, _, _) = await AgencyPortalUsers.SignedInForNewAgencyAsync(portal);

        var list = await officer.GetAsync("/agency/users");
        var create = await Forms.PostWithTokenFromAsync(officer, "/agency", "/agency/users/new", ("Email", "x@y.example"), ("FullName", "نام"), ("Role", AgencyRoles.Administrator));

        Assert.StartsWith("http://localhost/agency/access-denied", Location(list), StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/agency/access-denied", Location(create), StringComparison.Ordinal);
        Assert.False(await portal.WithDatabaseAsync(db => db.Users.AnyAsync(u => u.Email == "x@y.example")));
    }

    [Fact]
    public async Task Another_agencys_user_is_not_found_and_cannot_be_changed()
    {
        var (admin, _, _) = await AgencyPortalUsers.SignedInForNewAgencyAsync(portal, administrator: true);
        var otherAgency = await AgencyClients.RegisterAsync(portal);
        var stranger = await AgencyPortalUsers.CreateAsync(portal, otherAgency.AgencyId);
        var staff = await portal.CreateUserAsync($"expert-{Guid.NewGuid():N}"[..16] + "@tvto.example", StaffRoles.ProvincialExpert, "قم");

        var details = await admin.GetAsync("/agency/users/" + stranger.UserId);
        var staffDetails = await admin.GetAsync("/agency/users/" + staff.Id);
        var deactivate = await Forms.PostWithTokenFromAsync(admin, "/agency/users", $"/agency/users/{stranger.UserId}/deactivate");
        var reset = await Forms.PostWithTokenFromAsync(admin, "/agency/users", $"/agency/users/{stranger.UserId}/reset-password");
        var twoFactor = await Forms.PostWithTokenFromAsync(admin, "/agency/users", $"/agency/users/{stranger.UserId}/reset-two-factor");
        var rename = await Forms.PostWithTokenFromAsync(admin, "/agency/users", $"/agency/users/{stranger.UserId}",
            ("FullName", "نام تازه"), ("Role", AgencyRoles.Administrator), ("ConcurrencyStamp", ""));
        var (_, list) = await HtmlPage.GetAsync(admin, "/agency/users");

        Assert.Equal(HttpStatusCode.NotFound, details.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, staffDetails.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deactivate.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reset.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, twoFactor.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, rename.StatusCode);
        Assert.Null(list.QuerySelector($"[data-user-id='{stranger.UserId}']"));
        var unchanged = await portal.WithDatabaseAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == stranger.UserId));
        Assert.True(unchanged.IsActive);
        Assert.True(unchanged.TwoFactorEnabled);
        Assert.False(unchanged.MustChangePassword);
        Assert.Equal(stranger.FullName, unchanged.FullName);
    }

    [Fact]
    public async Task Deactivating_an_officer_ends_their_open_session_at_the_next_request_and_reactivating_lets_them_back()
    {
        var (admin, agency, _) = await AgencyPortalUsers.SignedInForNewAgencyAsync(portal, administrator: true);
        var account = await AgencyPortalUsers.CreateAsync(portal, agency.AgencyId);
        var officer = await AgencyPortalUsers.SignedInAsync(portal, account);

        var deactivated = await Forms.PostWithTokenFromAsync(admin, $"/agency/users/{account.UserId}", $"/agency/users/{account.UserId}/deactivate");
        var next = await officer.GetAsync("/agency");
        var (refused, _) = await Forms.SubmitAsync(AgencyPortalUsers.OpenClient(portal), "/agency/sign-in", "/agency/sign-in",
            ("Email", account.Email), ("Password", account.Password));
        await Forms.PostWithTokenFromAsync(admin, $"/agency/users/{account.UserId}", $"/agency/users/{account.UserId}/reactivate");
        var back = await AgencyPortalUsers.SignedInAsync(portal, account);

        Assert.Equal($"/agency/users/{account.UserId}?done={AgencyUserDone.Deactivated}", Location(deactivated));
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("http://localhost/agency/access-denied", Location(next), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode); // the sign-in page again, with the usual message
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync("/agency")).StatusCode);
        var actions = await portal.WithDatabaseAsync(db => db.StaffAudit.Where(e => e.SubjectId == account.UserId).Select(e => e.Action).ToListAsync());
        Assert.Equal(["agency-user.deactivate", "agency-user.reactivate"], actions);
    }

    [Fact]
    public async Task Resetting_the_authenticator_refuses_the_old_apps_codes_and_sends_the_user_to_set_it_up_again()
    {
        var (admin, agency, _) = await AgencyPortalUsers.SignedInForNewAgencyAsync(portal, administrator: true);
        var account = await AgencyPortalUsers.CreateAsync(portal, agency.AgencyId);
        var officer = await AgencyPortalUsers.SignedInAsync(portal, account);

        var reset = await Forms.PostWithTokenFromAsync(admin, $"/agency/users/{account.UserId}", $"/agency/users/{account.UserId}/reset-two-factor");
        var session = await officer.GetAsync("/agency");
        var again = AgencyPortalUsers.OpenClient(portal);
        var (signIn, _) = await Forms.SubmitAsync(again, "/agency/sign-in", "/agency/sign-in", ("Email", account.Email), ("Password", account.Password));

        Assert.Equal($"/agency/users/{account.UserId}?done={AgencyUserDone.TwoFactorReset}", Location(reset));
        Assert.StartsWith("http://localhost/agency/access-denied", Location(session), StringComparison.Ordinal);
        Assert.Equal("/agency/account/two-factor-setup", Location(signIn)); // not the code page: the old app is gone
        var (_, setup) = await HtmlPage.GetAsync(again, "/agency/account/two-factor-setup");
        Assert.NotEqual(account.AuthenticatorKey, setup.QuerySelector("[data-authenticator-key]")?.TextContent.Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reset_password_is_shown_once_and_must_be_changed_at_the_next_sign_in()
    {
        var (admin, agency, _) = await AgencyPortalUsers.SignedInForNewAgencyAsync(portal, administrator: true);
        var account = await AgencyPortalUsers.CreateAsync(portal, agency.AgencyId);

        var (reset, page) = await Forms.SubmitAsync(admin, $"/agency/users/{account.UserId}", $"/agency/users/{account.UserId}/reset-password");
        var password = page.QuerySelector("[data-one-time-password]")!.TextContent.Trim();
        var (old, _) = await Forms.SubmitAsync(AgencyPortalUsers.OpenClient(portal), "/agency/sign-in", "/agency/sign-in", ("Email", account.Email), ("Password", account.Password));
        var (fresh, _) = await Forms.SubmitAsync(AgencyPortalUsers.OpenClient(portal), "/agency/sign-in", "/agency/sign-in", ("Email", account.Email), ("Password", password));

        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("no-store", reset.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode); // refused: the sign-in page again
        Assert.StartsWith("/agency/two-factor", Location(fresh), StringComparison.Ordinal);
        Assert.True(await portal.WithDatabaseAsync(db => db.Users.Where(u => u.Id == account.UserId).Select(u => u.MustChangePassword).SingleAsync()));
        Assert.False(portal.LogsContain(password), "the one-time password was written to the log");
    }

    [Fact]
    public async Task A_change_saved_in_a_second_tab_is_not_overwritten_by_the_first()
    {
        var (admin, agency, _) = await AgencyPortalUsers.SignedInForNewAgencyAsync(portal, administrator: true);
        var account = await AgencyPortalUsers.CreateAsync(portal, agency.AgencyId);
        var (_, firstTab) = await HtmlPage.GetAsync(admin, $"/agency/users/{account.UserId}");
        var staleStamp = firstTab.QuerySelector("input[name='ConcurrencyStamp']")!.GetAttribute("value")!;

        var (saved, _) = await Forms.SubmitAsync(admin, $"/agency/users/{account.UserId}", $"/agency/users/{account.UserId}",
            ("FullName", "نام از زبانه دوم"), ("Role", AgencyRoles.Officer), ("ConcurrencyStamp", staleStamp));
        var (conflict, page) = await Forms.SubmitAsync(admin, $"/agency/users/{account.UserId}", $"/agency/users/{account.UserId}",
            ("FullName", "نام از زبانه نخست"), ("Role", AgencyRoles.Administrator), ("ConcurrencyStamp", staleStamp));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains(AgencyUserAdministration.ChangedMeanwhile, page.Body!.TextContent, StringComparison.Ordinal);
        var stored = await portal.WithDatabaseAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == account.UserId));
        Assert.Equal("نام از زبانه دوم", stored.FullName);
        var role = await portal.WithDatabaseAsync(db => db.UserRoles.Where(r => r.UserId == account.UserId).Select(r => r.RoleId).SingleAsync());
        Assert.Equal(AgencyRoles.Officer, role);
    }

    [Fact]
    public async Task An_administrator_cannot_deactivate_demote_or_reset_themselves()
    {
        var (admin, _, account) = await AgencyPortalUsers.SignedInForNewAgencyAsync(portal, administrator: true);

        // The own page shows no such buttons; a hand-made post is refused all the same.
        var deactivate = await Forms.PostWithTokenFromAsync(admin, $"/agency/users/{account.UserId}", $"/agency/users/{account.UserId}/deactivate");
        var reset = await Forms.PostWithTokenFromAsync(admin, $"/agency/users/{account.UserId}", $"/agency/users/{account.UserId}/reset-password");
        var twoFactor = await Forms.PostWithTokenFromAsync(admin, $"/agency/users/{account.UserId}", $"/agency/users/{account.UserId}/reset-two-factor");
        var (_, self) = await HtmlPage.GetAsync(admin, $"/agency/users/{account.UserId}");
        var demote = await Forms.PostWithTokenFromAsync(admin, $"/agency/users/{account.UserId}", $"/agency/users/{account.UserId}",
            ("FullName", account.FullName), ("Role", AgencyRoles.Officer), ("ConcurrencyStamp", self.QuerySelector("input[name='ConcurrencyStamp']")!.GetAttribute("value")!));

        foreach (var response in new[] { deactivate, reset, twoFactor, demote })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(AgencyUserAdministration.CannotChangeSelf, (await HtmlPage.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
        }

        Assert.Null(self.QuerySelector($"form[action='/agency/users/{account.UserId}/deactivate']"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/agency/users")).StatusCode); // still an active administrator
        var stored = await portal.WithDatabaseAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == account.UserId));
        Assert.True(stored.IsActive && stored.TwoFactorEnabled && !stored.MustChangePassword);
    }

    [Fact]
    public async Task A_national_admin_creates_an_agencys_first_administrator_who_then_manages_the_agencys_users()
    {
        await portal.CreateUserAsync("admin.agencies@tvto.example", StaffRoles.NationalAdmin);
        await portal.EnableTwoFactorAsync("admin.agencies@tvto.example");
        var nationalAdmin = await portal.SignedInBrowserAsync("admin.agencies@tvto.example");
        var agency = await AgencyClients.RegisterAsync(portal);
        var email = $"first-admin-{Guid.NewGuid():N}"[..24] + "@court.example";

        var (_, empty) = await HtmlPage.GetAsync(nationalAdmin.Client, $"/admin/agencies/{agency.AgencyId}/portal-users");
        var (created, page) = await Forms.SubmitAsync(nationalAdmin.Client, $"/admin/agencies/{agency.AgencyId}/portal-users",
            $"/admin/agencies/{agency.AgencyId}/portal-users", ("Email", email), ("FullName", "مدیر درگاه دادگستری"));
        var password = page.QuerySelector("[data-one-time-password]")!.TextContent.Trim();
        var (_, listed) = await HtmlPage.GetAsync(nationalAdmin.Client, $"/admin/agencies/{agency.AgencyId}/portal-users");
        var (_, details) = await HtmlPage.GetAsync(nationalAdmin.Client, $"/admin/agencies/{agency.AgencyId}");
        var (_, staffList) = await HtmlPage.GetAsync(nationalAdmin.Client, "/admin/users?q=" + Uri.EscapeDataString(email));
        var userId = await portal.WithDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var staffPage = await nationalAdmin.Client.GetAsync("/admin/users/" + userId);

        Assert.NotNull(empty.QuerySelector("[data-no-portal-users]"));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.NotNull(listed.QuerySelector($"[data-user-id='{userId}']"));
        Assert.NotNull(details.QuerySelector("[data-portal-users-link]"));
        Assert.DoesNotContain(email, staffList.Body!.TextContent, StringComparison.OrdinalIgnoreCase); // not a member of staff
        Assert.Equal(HttpStatusCode.NotFound, staffPage.StatusCode);
        var role = await portal.WithDatabaseAsync(db => db.UserRoles.Where(r => r.UserId == userId).Select(r => r.RoleId).SingleAsync());
        Assert.Equal(AgencyRoles.Administrator, role);
        var audit = await portal.WithDatabaseAsync(db => db.StaffAudit.SingleAsync(e => e.SubjectId == userId));
        Assert.Equal("agency-user.create", audit.Action);

        // The new administrator signs in, replaces the password, sets up the app and reaches the users page.
        var firstAdmin = AgencyPortalUsers.OpenClient(portal);
        await Forms.SubmitAsync(firstAdmin, "/agency/sign-in", "/agency/sign-in", ("Email", email), ("Password", password));
        await Forms.SubmitAsync(firstAdmin, "/agency/account/password", "/agency/account/password",
            ("CurrentPassword", password), ("NewPassword", "the court's own passphrase"), ("ConfirmPassword", "the court's own passphrase"));
        var (_, setup) = await HtmlPage.GetAsync(firstAdmin, "/agency/account/two-factor-setup");
        var key = setup.QuerySelector("[data-authenticator-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        await Forms.SubmitAsync(firstAdmin, "/agency/account/two-factor-setup", "/agency/account/two-factor-setup", ("Code", await AgencyPortalUsers.NextCodeAsync(portal, key)));
        var (users, usersPage) = await HtmlPage.GetAsync(firstAdmin, "/agency/users");

        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.NotNull(usersPage.QuerySelector($"[data-user-id='{userId}']"));
    }
}
