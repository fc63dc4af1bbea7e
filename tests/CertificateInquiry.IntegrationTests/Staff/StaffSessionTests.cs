using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Infrastructure.Identity;

namespace CertificateInquiry.IntegrationTests.Staff;

/// <summary>How sessions end. These tests move the portal's clock forward, so they have a portal of their own.</summary>
public sealed class StaffSessionTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    private const string WrongCredentials = "ایمیل یا گذرواژه درست نیست.";

    private static string? Location(HttpResponseMessage response) => StaffSignInTests.Location(response);

    [Fact]
    public async Task Signing_out_ends_the_session_and_the_old_cookie_stops_working()
    {
        await portal.CreateUserAsync("expert.signout@tvto.example", StaffRoles.ProvincialExpert, "قم");
        await portal.CreateUserAsync("expert.stays@tvto.example", StaffRoles.ProvincialExpert, "قم");
        var browser = portal.OpenBrowser();
        var other = portal.OpenBrowser();
        await browser.SignInAsync("expert.signout@tvto.example");
        await other.SignInAsync("expert.stays@tvto.example");
        var oldCookie = browser.Cookie("ci-staff")!.Value;

        var (signOut, _) = await Forms.SubmitAsync(browser.Client, "/admin", "/admin/sign-out");
        var afterSignOut = await browser.Client.GetAsync("/admin");
        portal.Clock.Advance(TimeSpan.FromMinutes(2)); // past Staff:SecurityStampValidationInterval
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/admin");
        replay.Headers.Add("Cookie", "ci-staff=" + oldCookie);
        var replayed = await portal.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(replay);
        var otherSession = await other.Client.GetAsync("/admin");

        Assert.Equal("/admin/sign-in?signedOut=true", Location(signOut));
        Assert.Null(browser.Cookie("ci-staff"));
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.StartsWith("/admin/sign-in", Location(replayed), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, otherSession.StatusCode); // the check itself does not end sessions
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in_and_an_open_session_ends()
    {
        await portal.CreateUserAsync("expert.deactivated@tvto.example", StaffRoles.ProvincialExpert, "یزد");
        var open = portal.OpenBrowser();
        await open.SignInAsync("expert.deactivated@tvto.example");
        await portal.WithUsersAsync(async users =>
        {
            var user = (await users.FindByEmailAsync("expert.deactivated@tvto.example"))!;
            user.IsActive = false;
            return await users.UpdateAsync(user);
        });

        var (_, page) = await portal.OpenBrowser().SignInAsync("expert.deactivated@tvto.example");
        portal.Clock.Advance(TimeSpan.FromMinutes(2));
        var openSession = await open.Client.GetAsync("/admin");

        Assert.Equal(WrongCredentials, page.QuerySelector("[data-error-summary] li")!.Text());
        Assert.Equal(HttpStatusCode.Redirect, openSession.StatusCode);
        Assert.StartsWith("/admin/sign-in", Location(openSession), StringComparison.Ordinal);
    }
}
