using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Infrastructure.Identity;

namespace CertificateInquiry.IntegrationTests.Staff;

/// <summary>
/// /admin/account/password: a signed-in member of staff changes their own password. These tests move the portal's clock
/// past the security-stamp check, so they have a portal of their own.
/// </summary>
public sealed class PasswordChangeTests(StaffPortal portal) : IClassFixture<StaffPortal>
{
    public const string Page = "/admin/account/password";

    private static string? Location(HttpResponseMessage response) => StaffSignInTests.Location(response);

    internal static Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Document)> ChangeAsync(
        Browser browser, string current, string next, string? confirm = null) =>
        Forms.SubmitAsync(browser.Client, Page, Page,
            ("CurrentPassword", current), ("NewPassword", next), ("ConfirmPassword", confirm ?? next));

    [Fact]
    public async Task A_member_of_staff_changes_their_password_keeps_this_session_and_their_other_sessions_end()
    {
        const string Email = "expert.change@tvto.example";
        await portal.CreateUserAsync(Email, StaffRoles.ProvincialExpert, "مرکزی");
        var here = await portal.SignedInBrowserAsync(Email);
        var elsewhere = await portal.SignedInBrowserAsync(Email);

        var (formResponse, form) = await HtmlPage.GetAsync(here.Client, Page);
        var (changed, _) = await ChangeAsync(here, StaffPortal.Password, "a brand new passphrase");
        var (_, done) = await HtmlPage.GetAsync(here.Client, Location(changed)!);
        portal.Clock.Advance(TimeSpan.FromMinutes(2)); // past Staff:SecurityStampValidationInterval
        var thisSession = await here.Client.GetAsync("/admin");
        var otherSession = await elsewhere.Client.GetAsync("/admin");
        var (oldPassword, _) = await portal.OpenBrowser().SignInAsync(Email);
        var (newPassword, _) = await portal.OpenBrowser().SignInAsync(Email, "a brand new passphrase");

        Assert.Equal(HttpStatusCode.OK, formResponse.StatusCode);
        Assert.Equal("current-password", form.QuerySelector("input[name=CurrentPassword]")!.GetAttribute("autocomplete"));
        Assert.Equal("new-password", form.QuerySelector("input[name=NewPassword]")!.GetAttribute("autocomplete"));
        Assert.Equal("new-password", form.QuerySelector("input[name=ConfirmPassword]")!.GetAttribute("autocomplete"));
        Assert.Equal(Page + "?changed=true", Location(changed));
        Assert.NotNull(done.QuerySelector("[data-done]"));
        Assert.Equal(HttpStatusCode.OK, thisSession.StatusCode);
        Assert.StartsWith("/admin/sign-in", Location(otherSession), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode); // refused
        Assert.Equal("/admin", Location(newPassword));
    }

    [Fact]
    public async Task Each_problem_is_named_in_persian_and_the_password_stays_as_it_was()
    {
        const string Email = "expert.change.errors@tvto.example";
        await portal.CreateUserAsync(Email, StaffRoles.ProvincialExpert, "مرکزی");
        var browser = await portal.SignedInBrowserAsync(Email);

        var (_, wrongCurrent) = await ChangeAsync(browser, "not my password", "a brand new passphrase");
        var (_, tooShort) = await ChangeAsync(browser, StaffPortal.Password, "short");
        var (_, mismatch) = await ChangeAsync(browser, StaffPortal.Password, "a brand new passphrase", "another passphrase");
        var (_, same) = await ChangeAsync(browser, StaffPortal.Password, StaffPortal.Password);
        var (empty, emptyPage) = await ChangeAsync(browser, "", "", "");
        var (stillOld, _) = await portal.OpenBrowser().SignInAsync(Email);

        Assert.Equal("گذرواژه کنونی درست نیست.", Errors(wrongCurrent)["CurrentPassword"]);
        Assert.Equal("گذرواژه باید دست‌کم ۱۰ نویسه باشد.", Errors(tooShort)["NewPassword"]);
        Assert.Equal("تکرار گذرواژه تازه با خود آن یکی نیست.", Errors(mismatch)["ConfirmPassword"]);
        Assert.Equal("گذرواژه تازه باید با گذرواژه کنونی فرق داشته باشد.", Errors(same)["NewPassword"]);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.StartsWith("خطا: ", emptyPage.Title, StringComparison.Ordinal);
        Assert.Equal(3, Errors(emptyPage).Count);
        Assert.All([wrongCurrent, tooShort, mismatch, same], page =>
            Assert.All(page.QuerySelectorAll("input[type=password]"), input => Assert.True(string.IsNullOrEmpty(input.GetAttribute("value")))));
        Assert.Equal("/admin", Location(stillOld));
    }

    [Fact]
    public async Task The_change_page_is_for_signed_in_staff_only()
    {
        var response = await portal.OpenBrowser().Client.GetAsync(Page);

        Assert.StartsWith("/admin/sign-in", Location(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_page_says_who_resets_a_forgotten_password()
    {
        var (_, page) = await HtmlPage.GetAsync(portal.OpenBrowser().Client, "/admin/sign-in");

        Assert.Contains("گذرواژه تازه", page.QuerySelector("[data-forgotten-password]")!.Text(), StringComparison.Ordinal);
    }

    internal static Dictionary<string, string> Errors(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("[data-error-summary] li")
            .Select(li => (Href: li.QuerySelector("a")?.GetAttribute("href")?.TrimStart('#') ?? "", Text: li.Text()))
            .GroupBy(e => e.Href)
            .ToDictionary(g => g.Key, g => g.First().Text);
}
