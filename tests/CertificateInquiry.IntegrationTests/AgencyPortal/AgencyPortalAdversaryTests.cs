using System.Net;
using CertificateInquiry.IntegrationTests.Agencies;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.IntegrationTests.Staff;
using CertificateInquiry.Web.Features.Staff.Account;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.AgencyPortal;

/// <summary>
/// The agency portal's sign-in and users pages against the people who attack them: password guessers behind forged
/// proxy headers, a code read over a shoulder and typed again, a site that posts into the portal, a link that would
/// send the signed-in user elsewhere, and junk in every field.
/// </summary>
public sealed class AgencyPortalAdversaryTests(AgencyPortalAdversaryTests.ThrottlePortal portal) : IClassFixture<AgencyPortalAdversaryTests.ThrottlePortal>
{
    /// <summary>A first delay of 10 s, so that a slow machine does not see a delay end before the test looks.</summary>
    public sealed class ThrottlePortal : StaffPortal
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Staff:SignInThrottle:FirstDelay"] = "00:00:10",
            ["Staff:SignInThrottle:FreeFailuresPerAccount"] = "5",
        };
    }

    private static string? Location(HttpResponseMessage response) => response.Headers.Location?.OriginalString;

    [Fact]
    public async Task Password_guessing_is_held_back_and_a_forged_X_Forwarded_For_does_not_make_a_new_client()
    {
        var agency = await AgencyClients.RegisterAsync(portal);
        var account = await AgencyPortalUsers.CreateAsync(portal, agency.AgencyId);
        var bot = AgencyPortalUsers.OpenClient(portal);

        var held = 0;
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var (_, page) = await PostSignInAsync(bot, account.Email, "guess " + attempt, forwardedFor: $"198.51.100.{attempt}");
            held += page.QuerySelector("[data-retry-after]") is null ? 0 : 1;
        }

        var (right, rightPage) = await PostSignInAsync(bot, account.Email, account.Password, forwardedFor: "198.51.100.99");

        Assert.Equal(1, held); // five free failures, then the sixth is held back whatever the header says
        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // even the right password is not looked at meanwhile
        Assert.NotNull(rightPage.QuerySelector("[data-retry-after]"));
        Assert.True(right.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Null(AgencyPortalUsers.CookieOf(bot, "ci-agency-2fa"));
    }

    [Fact]
    public async Task An_authenticator_code_is_accepted_once()
    {
        var agency = await AgencyClients.RegisterAsync(portal);
        var account = await AgencyPortalUsers.CreateAsync(portal, agency.AgencyId);
        var code = await AgencyPortalUsers.NextCodeAsync(portal, account.AuthenticatorKey);
        var first = AgencyPortalUsers.OpenClient(portal);
        var second = AgencyPortalUsers.OpenClient(portal);
        await PostSignInAsync(first, account.Email, account.Password);
        await PostSignInAsync(second, account.Email, account.Password);

        var (accepted, _) = await Forms.SubmitAsync(first, "/agency/two-factor", "/agency/two-factor", ("Code", code));
        var (replayed, page) = await Forms.SubmitAsync(second, "/agency/two-factor", "/agency/two-factor", ("Code", code));

        Assert.Equal("/agency", Location(accepted));
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains(AccountController.WrongCodeMessage, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/agency")).StatusCode);
    }

    [Fact]
    public async Task A_post_from_another_site_without_the_forms_token_is_refused()
    {
        var (admin, _, account) = await AgencyPortalUsers.SignedInForNewAgencyAsync(portal, administrator: true);
        var other = await AgencyPortalUsers.CreateAsync(portal, account.AgencyClientId);
        var stranger = AgencyPortalUsers.OpenClient(portal);

        var posts = new (HttpClient Client, string Path, (string, string)[] Fields)[]
        {
            (stranger, "/agency/sign-in", [("Email", account.Email), ("Password", account.Password)]),
            (stranger, "/agency/two-factor", [("Code", "123456")]),
            (admin, "/agency/users/new", [("Email", "planted@example.test"), ("FullName", "کاشته"), ("Role", AgencyRoles.Administrator)]),
            (admin, $"/agency/users/{other.UserId}/deactivate", []),
            (admin, $"/agency/users/{other.UserId}/reset-password", []),
            (admin, "/agency/account/password", [("CurrentPassword", account.Password), ("NewPassword", "planted passphrase"), ("ConfirmPassword", "planted passphrase")]),
            (admin, "/agency/sign-out", []),
        };
        foreach (var (client, path, fields) in posts)
        {
            using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
            var response = await client.PostAsync(path, content);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode}");
        }

        Assert.False(await portal.WithDatabaseAsync(db => db.Users.AnyAsync(u => u.Email == "planted@example.test")));
        Assert.True(await portal.WithDatabaseAsync(db => db.Users.Where(u => u.Id == other.UserId).Select(u => u.IsActive && !u.MustChangePassword).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/agency/users")).StatusCode); // still signed in, password unchanged
    }

    [Theory]
    [InlineData("//evil.example/agency")]
    [InlineData("https://evil.example/agency")]
    [InlineData("/\\evil.example")]
    [InlineData("/agency/../admin")]
    [InlineData("/agency//evil.example")]
    [InlineData("/admin")]
    [InlineData("javascript:alert(1)")]
    public async Task A_return_address_outside_the_agency_portal_is_replaced_by_the_dashboard(string returnUrl)
    {
        var agency = await AgencyClients.RegisterAsync(portal);
        var account = await AgencyPortalUsers.CreateAsync(portal, agency.AgencyId);
        var client = AgencyPortalUsers.OpenClient(portal);

        var (_, signInPage) = await HtmlPage.GetAsync(client, "/agency/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var (password, _) = await PostSignInAsync(client, account.Email, account.Password, returnUrl: returnUrl);
        var (code, _) = await Forms.SubmitAsync(client, "/agency/two-factor", "/agency/two-factor",
            ("Code", await AgencyPortalUsers.NextCodeAsync(portal, account.AuthenticatorKey)), ("ReturnUrl", returnUrl));

        Assert.Equal("", signInPage.QuerySelector("input[name='ReturnUrl']")?.GetAttribute("value") ?? "");
        Assert.Equal("/agency/two-factor?returnUrl=%2Fagency", Location(password));
        Assert.Equal("/agency", Location(code));
    }

    [Fact]
    public async Task A_return_address_inside_the_agency_portal_is_kept()
    {
        var agency = await AgencyClients.RegisterAsync(portal);
        var account = await AgencyPortalUsers.CreateAsync(portal, agency.AgencyId, administrator: true);
        var client = AgencyPortalUsers.OpenClient(portal);

        var challenge = await client.GetAsync("/agency/users");
        var (password, _) = await PostSignInAsync(client, account.Email, account.Password, returnUrl: "/agency/users");
        var (code, _) = await Forms.SubmitAsync(client, Location(password)!, "/agency/two-factor",
            ("Code", await AgencyPortalUsers.NextCodeAsync(portal, account.AuthenticatorKey)), ("ReturnUrl", "/agency/users"));

        Assert.Equal("http://localhost/agency/sign-in?returnUrl=%2Fagency%2Fusers", Location(challenge));
        Assert.Equal("/agency/users", Location(code));
    }

    [Fact]
    public async Task Nul_bytes_five_megabytes_and_other_scripts_in_every_field_never_cause_a_server_error()
    {
        var (admin, _, account) = await AgencyPortalUsers.SignedInForNewAgencyAsync(portal, administrator: true);
        var other = await AgencyPortalUsers.CreateAsync(portal, account.AgencyClientId);
        // Five megabytes of ASCII: in Persian digits the same value is 30 MB URL-encoded per field, and this test's
        // posts, each with several such fields, once helped drive the test process to 23 GB.
        var huge = new string('1', 5 * 1024 * 1024);
        string[] junk = ["\0", "a\0b@example.test", huge, "ﻙﻱ٤٥٦ 漢字 🙂", "<script>alert(1)</script>", "' OR 1=1 --"];
        var responses = new List<(string What, HttpStatusCode Status)>();
        foreach (var value in junk)
        {
            var stranger = AgencyPortalUsers.OpenClient(portal);
            responses.Add(("sign-in", Status((await PostSignInAsync(stranger, value, value, returnUrl: value)).Response)));
            responses.Add(("sign-in query", Status(await stranger.GetAsync("/agency/sign-in?returnUrl=" + Uri.EscapeDataString(value.Length > 4000 ? value[..4000] : value)))));
            await PostSignInAsync(stranger, other.Email, other.Password);
            responses.Add(("code", Status(await Forms.PostWithTokenFromAsync(stranger, "/agency/two-factor", "/agency/two-factor", ("Code", value), ("ReturnUrl", value)))));
            responses.Add(("recovery code", Status(await Forms.PostWithTokenFromAsync(stranger, "/agency/two-factor", "/agency/two-factor/recovery-code", ("Code", value)))));
            responses.Add(("new user", Status(await Forms.PostWithTokenFromAsync(admin, "/agency/users/new", "/agency/users/new", ("Email", value), ("FullName", value), ("Role", value)))));
            responses.Add(("edit user", Status(await Forms.PostWithTokenFromAsync(admin, $"/agency/users/{other.UserId}", $"/agency/users/{other.UserId}",
                ("FullName", value), ("Role", value), ("ConcurrencyStamp", value)))));
            if (!value.Contains('\0', StringComparison.Ordinal))
            {
                // (a NUL in the path is refused by the server before the portal: the test host cannot even send it)
                responses.Add(("user id", Status(await admin.GetAsync("/agency/users/" + Uri.EscapeDataString(value.Length > 4000 ? value[..4000] : value)))));
            }
            responses.Add(("password", Status(await Forms.PostWithTokenFromAsync(admin, "/agency/account/password", "/agency/account/password",
                ("CurrentPassword", value), ("NewPassword", value), ("ConfirmPassword", value)))));
        }

        foreach (var (what, status) in responses)
        {
            Assert.True((int)status < 500, $"{what}: {(int)status}");
        }

        Assert.Equal(2, await portal.WithDatabaseAsync(db => db.Users.CountAsync(u => u.AgencyClientId == account.AgencyClientId)));
        var stored = await portal.WithDatabaseAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == other.UserId));
        Assert.Equal(other.FullName, stored.FullName);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/agency/users")).StatusCode); // the password was not changed by junk
    }

    private static async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Page)> PostSignInAsync(
        HttpClient client, string email, string password, string? forwardedFor = null, string? returnUrl = null)
    {
        var (_, form) = await HtmlPage.GetAsync(client, "/agency/sign-in");
        var token = form.QuerySelector("form[action='/agency/sign-in'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/agency/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email, ["Password"] = password, ["ReturnUrl"] = returnUrl ?? "", ["__RequestVerificationToken"] = token,
            }),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        var response = await client.SendAsync(request);
        return (response, await HtmlPage.ParseAsync(response));
    }

    /// <summary>The status, with the response (and its page, which may echo a 5 MB value) let go at once.</summary>
    private static HttpStatusCode Status(HttpResponseMessage response)
    {
        using (response)
        {
            return response.StatusCode;
        }
    }
}
