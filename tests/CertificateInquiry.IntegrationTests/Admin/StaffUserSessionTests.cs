using System.Net;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Features.Admin.Users;
using CertificateInquiry.Web.Infrastructure.Identity;
using static CertificateInquiry.IntegrationTests.Admin.AdminPages;

namespace CertificateInquiry.IntegrationTests.Admin;

/// <summary>
/// What locking, unlocking, a role change and a two-factor reset do to the person's sign-in and open session. These
/// tests move the portal's clock past the security-stamp check, so they have a portal of their own.
/// </summary>
public sealed class StaffUserSessionTests(AdminPortal portal) : IClassFixture<AdminPortal>
{
    private const string WrongCredentials = "ایمیل یا گذرواژه درست نیست.";

    [Fact]
    public async Task A_locked_user_cannot_sign_in_their_open_session_ends_and_unlocking_lets_them_back()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var (expert, user) = await portal.SignInProvincialAsync(StaffRoles.ProvincialExpert, "همدان");
        var page = $"/admin/users/{user.Id}";

        var (_, lockedPage) = await SubmitAndFollowAsync(admin.Client, page, page + "/lock");
        var (_, refused) = await portal.OpenBrowser().SignInAsync(user.Email!);
        portal.Clock.Advance(TimeSpan.FromMinutes(2)); // past Staff:SecurityStampValidationInterval
        var openSession = await expert.Client.GetAsync("/admin");
        var locked = (await portal.WithUsersAsync(users => users.FindByIdAsync(user.Id)))!;

        Assert.Equal(StaffUserDone.Message(StaffUserDone.Locked), lockedPage.QuerySelector("[data-done]")!.Text());
        Assert.Equal("locked", lockedPage.QuerySelector("[data-account] [data-user-status]")!.GetAttribute("data-user-status"));
        Assert.Equal(WrongCredentials, refused.QuerySelector("[data-error-summary] li")!.Text());
        Assert.Equal(HttpStatusCode.Redirect, openSession.StatusCode);
        Assert.StartsWith("/admin/sign-in", Location(openSession), StringComparison.Ordinal);
        Assert.False(locked.IsActive);

        var (_, unlockedPage) = await SubmitAndFollowAsync(admin.Client, page, page + "/unlock");
        var (signIn, _) = await portal.OpenBrowser().SignInAsync(user.Email!);
        var audit = await portal.AuditAsync(StaffUserAdministration.SubjectType, user.Id);

        Assert.Equal(StaffUserDone.Message(StaffUserDone.Unlocked), unlockedPage.QuerySelector("[data-done]")!.Text());
        Assert.Equal("/admin", Location(signIn));
        Assert.Equal(["user.lock", "user.unlock"], audit.Select(e => e.Action));
        Assert.Equal(("Active", "Locked"), (audit[0].FromStatus, audit[0].ToStatus));
        Assert.Equal(("Locked", "Active"), (audit[1].FromStatus, audit[1].ToStatus));
        Assert.All(audit, e => Assert.Equal("سارا نوری", e.UserName));
    }

    [Fact]
    public async Task A_role_change_ends_the_open_session_and_the_next_sign_in_has_the_new_role()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var (expert, user) = await portal.SignInProvincialAsync(StaffRoles.ProvincialExpert, "ایلام", "پرویز پاکزاد");
        var page = $"/admin/users/{user.Id}";
        var (_, form) = await HtmlPage.GetAsync(admin.Client, page);

        await SubmitAndFollowAsync(admin.Client, page, page,
            ("ConcurrencyStamp", form.QuerySelector("input[name=ConcurrencyStamp]")!.GetAttribute("value")!),
            ("FullName", "پرویز پاکزاد"), ("Title", ""), ("Role", StaffRoles.ProvincialManager), ("ProvinceId", AdminPortal.ProvinceId("ایلام").ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var (_, beforeCheck) = await HtmlPage.GetAsync(expert.Client, "/admin");
        portal.Clock.Advance(TimeSpan.FromMinutes(2));
        var afterCheck = await expert.Client.GetAsync("/admin");
        var (enrol, _) = await portal.OpenBrowser().SignInAsync(user.Email!); // a manager must use an authenticator app
        await portal.EnableTwoFactorAsync(user.Email!);
        var again = await portal.SignedInBrowserAsync(user.Email!);
        var (_, home) = await HtmlPage.GetAsync(again.Client, "/admin");

        Assert.Contains("کارشناس استانی", beforeCheck.QuerySelector("[data-staff-profile]")!.Text(), StringComparison.Ordinal); // until the check
        Assert.StartsWith("/admin/sign-in", Location(afterCheck), StringComparison.Ordinal);
        Assert.Equal("/admin/account/two-factor-setup", Location(enrol));
        Assert.Contains("مدیر استانی", home.QuerySelector("[data-staff-profile]")!.Text(), StringComparison.Ordinal);
        Assert.NotNull(home.QuerySelector("a[href='/admin/dashboard']"));
    }

    [Fact]
    public async Task Resetting_two_factor_ends_the_session_and_the_national_admin_must_set_it_up_again()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var (other, otherUser) = await portal.SignInNationalAdminAsync("مرتضی صالحی");
        var oldKey = await portal.WithUsersAsync(async users => await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(otherUser.Id))!));
        var page = $"/admin/users/{otherUser.Id}";

        var (_, done) = await SubmitAndFollowAsync(admin.Client, page, page + "/reset-two-factor");
        portal.Clock.Advance(TimeSpan.FromMinutes(2));
        var openSession = await other.Client.GetAsync("/admin");
        var (signIn, _) = await portal.OpenBrowser().SignInAsync(otherUser.Email!);
        var after = (await portal.WithUsersAsync(users => users.FindByIdAsync(otherUser.Id)))!;
        var newKey = await portal.WithUsersAsync(users => users.GetAuthenticatorKeyAsync(after));

        Assert.Equal(StaffUserDone.Message(StaffUserDone.TwoFactorReset), done.QuerySelector("[data-done]")!.Text());
        Assert.Equal("فعال نیست", done.QuerySelector("[data-two-factor]")!.Text());
        Assert.StartsWith("/admin/sign-in", Location(openSession), StringComparison.Ordinal);
        Assert.Equal("/admin/account/two-factor-setup", Location(signIn)); // no code asked: straight to setting it up
        Assert.False(after.TwoFactorEnabled);
        Assert.NotEqual(oldKey, newKey);
        Assert.Equal("user.two-factor.reset", (await portal.AuditAsync(StaffUserAdministration.SubjectType, otherUser.Id)).Single().Action);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/admin/users")).StatusCode); // the admin's own session goes on
    }
}
