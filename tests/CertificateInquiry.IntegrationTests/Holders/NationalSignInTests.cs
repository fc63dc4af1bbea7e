using System.Net;
using System.Web;
using CertificateInquiry.FakeProviders;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Features.Holders;
using CertificateInquiry.Web.Features.Holders.Account;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Holders;

/// <summary>
/// The holder's sign-in through the national sign-in (OpenID Connect, ADR-032) against the fake provider, with the
/// real redirects: the holder cookie carries the national code the provider vouched for, and every forged, replayed or
/// wrongly issued answer ends on the Persian failure page without a session.
/// </summary>
public sealed class NationalSignInTests : IAsyncLifetime
{
    private const string NationalCode = "0084575948";

    private WebApplication fakes = null!;
    private SignInPortal portal = null!;

    private FakeNationalSignIn Provider => fakes.Services.GetRequiredService<FakeNationalSignIn>();

    public async Task InitializeAsync()
    {
        fakes = await FakeProviderServer.StartAsync();
        portal = new SignInPortal(FakeNationalSignIn.PortalSettings(FakeProviderServer.Address(fakes)));
        _ = portal.Server;
    }

    public async Task DisposeAsync()
    {
        await portal.DisposeAsync();
        await fakes.DisposeAsync();
    }

    private static void AssertFailed(HttpResponseMessage response, string reason)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(NationalSignInEvents.FailedPath(reason), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_holder_signs_in_at_the_provider_and_comes_back_signed_in_as_their_national_code()
    {
        using var browser = new NationalSignInFlow(portal);

        var authorize = await browser.StartAsync("/my/certificates?tab=all");
        var query = HttpUtility.ParseQueryString(authorize.Query);
        Assert.StartsWith(FakeProviderServer.Address(fakes).AbsoluteUri.TrimEnd('/') + FakeNationalSignIn.PathPrefix + "/authorize", authorize.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
        Assert.Equal("http://localhost/my/signin-national", query["redirect_uri"]);

        // Typed in Persian digits at the provider, which passes the claim on as it is: the portal normalizes it.
        var back = await browser.ReturnAsync(await browser.LoginAtProviderAsync(authorize, PersianText.ToPersianDigits(NationalCode)));

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("/my/certificates?tab=all", back.Headers.Location!.OriginalString);
        var ticket = browser.HolderTicket();
        Assert.NotNull(ticket);
        Assert.Equal(NationalCode, ticket.Principal.HolderIdentifier());
        Assert.Equal(nameof(HolderSignInMethod.NationalSignIn), ticket.Principal.FindFirst(HolderClaims.Method)!.Value);
        Assert.Equal([HolderClaims.Identifier, HolderClaims.Method], ticket.Principal.Claims.Select(c => c.Type).Order(StringComparer.Ordinal));

        var (_, page) = await HtmlPage.GetAsync(browser.Portal, HolderDefaults.SignInPath);
        Assert.Contains(PersianText.ToPersianDigits(NationalCode), page.QuerySelector("[data-signed-in-as]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form[action='/my/sign-out']"));
        Assert.True(portal.LogsContain("signed in by", "NationalSignIn"));
        Assert.False(portal.LogsContain(NationalCode), "the national code was written to the log");
        Assert.False(portal.LogsContain(FakeNationalSignIn.ClientSecret), "the client secret was written to the log");
    }

    [Fact]
    public async Task The_sign_in_page_offers_the_national_sign_in_and_not_the_code_by_sms_which_is_refused()
    {
        using var browser = new NationalSignInFlow(portal);

        var (_, page) = await HtmlPage.GetAsync(browser.Portal, HolderDefaults.SignInPath);
        Assert.NotNull(page.QuerySelector("form[action='/my/sign-in/national']"));
        Assert.Null(page.QuerySelector("form[action='/my/sign-in/mobile']"));
        Assert.Equal("ورود به کارنامه مهارتی من | " + page.Title!.Split(" | ")[1], page.Title);

        var response = await Forms.PostWithTokenFromAsync(browser.Portal, HolderDefaults.SignInPath, "/my/sign-in/mobile", ("Identifier", NationalCode), ("Mobile", "09121110001"));
        Assert.Contains(HolderSignInController.UnavailableText, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(portal.Messages.LastSmsTo("09121110001"));
    }

    [Fact]
    public async Task A_tampered_state_is_refused_without_a_session()
    {
        using var browser = new NationalSignInFlow(portal);
        var callback = await browser.LoginAtProviderAsync(await browser.StartAsync(), NationalCode);
        var query = HttpUtility.ParseQueryString(callback.Query);
        var state = query["state"]!;
        query["state"] = state[..^4] + (state[^4..] == "AAAA" ? "BBBB" : "AAAA");

        var back = await browser.ReturnAsync(new Uri(callback.GetLeftPart(UriPartial.Path) + "?" + query));

        AssertFailed(back, NationalSignInEvents.Reasons.Failed);
        Assert.Null(browser.HolderTicket());
        Assert.Equal(0, Provider.TokensIssued);
    }

    [Fact]
    public async Task An_answer_carried_to_another_browser_signs_no_one_in_there()
    {
        using var victim = new NationalSignInFlow(portal);
        using var attacker = new NationalSignInFlow(portal);
        var callback = await victim.LoginAtProviderAsync(await victim.StartAsync(), NationalCode);

        // Without the correlation cookie of the browser that started the sign-in, the callback is refused.
        AssertFailed(await attacker.ReturnAsync(callback), NationalSignInEvents.Reasons.Failed);
        Assert.Null(attacker.HolderTicket());
    }

    [Fact]
    public async Task A_replayed_callback_and_a_code_used_before_give_no_second_session()
    {
        using var browser = new NationalSignInFlow(portal);
        var callback = await browser.LoginAtProviderAsync(await browser.StartAsync(), NationalCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.ReturnAsync(callback)).StatusCode);
        Assert.NotNull(browser.HolderTicket());

        // The same answer again, in the same browser: its correlation cookie was spent.
        using var again = new NationalSignInFlow(portal);
        AssertFailed(await browser.ReturnAsync(callback), NationalSignInEvents.Reasons.Failed);

        // The first code, carried into a new sign-in of another browser (its own state and correlation): the provider
        // refuses to redeem a code twice.
        var fresh = HttpUtility.ParseQueryString((await again.LoginAtProviderAsync(await again.StartAsync(), "0012345679")).Query);
        var usedCode = HttpUtility.ParseQueryString(callback.Query)["code"]!;
        var spliced = new Uri("http://localhost/my/signin-national?code=" + Uri.EscapeDataString(usedCode) + "&state=" + Uri.EscapeDataString(fresh["state"]!));

        AssertFailed(await again.ReturnAsync(spliced), NationalSignInEvents.Reasons.Failed);
        Assert.Null(again.HolderTicket());
        Assert.Contains("token: code used before", Provider.Refusals);
        Assert.Equal(1, Provider.TokensIssued);
    }

    [Fact]
    public async Task A_stolen_code_without_the_browsers_PKCE_verifier_gets_no_token()
    {
        using var browser = new NationalSignInFlow(portal);
        var callback = await browser.LoginAtProviderAsync(await browser.StartAsync(), NationalCode);
        var code = HttpUtility.ParseQueryString(callback.Query)["code"]!;
        using var thief = new HttpClient();

        // Even with the client's secret, a code without the verifier that only the portal holds is refused.
        var answer = await thief.PostAsync(new Uri(FakeProviderServer.Address(fakes), FakeNationalSignIn.PathPrefix + "/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = "http://localhost/my/signin-national",
            ["client_id"] = FakeNationalSignIn.ClientId, ["client_secret"] = FakeNationalSignIn.ClientSecret,
            ["code_verifier"] = new string('a', 43),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("token: PKCE verifier does not match", Provider.Refusals);
        Assert.Equal(0, Provider.TokensIssued);
    }

    public static TheoryData<string, FakeNationalSignInLogin> ForgedTokens => new()
    {
        { "another client's id_token", new FakeNationalSignInLogin { Audience = "another-portal" } },
        { "another issuer", new FakeNationalSignInLogin { Issuer = "https://sso.example.invalid/oauth2" } },
        { "a signature by a key not in the JWKS", new FakeNationalSignInLogin { WrongKey = true } },
        { "another nonce", new FakeNationalSignInLogin { Nonce = "not-the-nonce-the-portal-sent" } },
    };

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task An_id_token_the_portal_should_not_trust_is_refused(string what, FakeNationalSignInLogin forged)
    {
        using var browser = new NationalSignInFlow(portal);
        Provider.NextLogin = forged;

        var back = await browser.SignInAsync(NationalCode);

        AssertFailed(back, NationalSignInEvents.Reasons.Failed);
        Assert.True(browser.HolderTicket() is null, what + " gave a session");
        Assert.Equal(1, Provider.TokensIssued);
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, "")]
    [InlineData(false, "1234567890")] // wrong check digit
    [InlineData(false, "0084575948\u0000")]
    [InlineData(false, "<script>")]
    public async Task Without_a_valid_national_code_claim_there_is_no_session_and_a_clear_Persian_page(bool omit, string? value)
    {
        using var browser = new NationalSignInFlow(portal);
        Provider.NextLogin = new FakeNationalSignInLogin { OmitNationalCode = omit, NationalCode = value };

        var back = await browser.SignInAsync(NationalCode);

        AssertFailed(back, NationalSignInEvents.Reasons.NoNationalCode);
        Assert.Null(browser.HolderTicket());
        var (_, page) = await HtmlPage.GetAsync(browser.Portal, back.Headers.Location!.OriginalString);
        Assert.Contains("کد ملی شما را به این سامانه نفرستاد", page.QuerySelector("[data-sign-in-failed]")!.TextContent, StringComparison.Ordinal);
        Assert.True(portal.LogsContain("no usable national-code claim"));
    }

    [Fact]
    public async Task Cancelling_at_the_provider_comes_back_to_a_page_that_says_so()
    {
        using var browser = new NationalSignInFlow(portal);

        var back = await browser.ReturnAsync(await browser.LoginAtProviderAsync(await browser.StartAsync(), "", cancel: true));

        AssertFailed(back, NationalSignInEvents.Reasons.Cancelled);
        Assert.Null(browser.HolderTicket());
    }

    [Theory]
    [InlineData("https://evil.example/my")]
    [InlineData("//evil.example/my")]
    [InlineData("/\\evil.example/my")]
    [InlineData("/my/../admin")]
    [InlineData("/my/%2e%2e/admin")]
    [InlineData("/admin/requests")]
    [InlineData("javascript:alert(1)")]
    public async Task A_return_address_outside_the_holders_area_sends_the_holder_to_their_home_instead(string returnUrl)
    {
        using var browser = new NationalSignInFlow(portal);

        var back = await browser.SignInAsync(NationalCode, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(HolderDefaults.Path, back.Headers.Location!.OriginalString);
        Assert.NotNull(browser.HolderTicket());
    }

    [Fact]
    public async Task Signing_out_ends_the_holders_session_and_the_providers()
    {
        using var browser = new NationalSignInFlow(portal);
        await browser.SignInAsync(NationalCode);
        Assert.NotNull(browser.HolderTicket());

        var signOut = await Forms.PostWithTokenFromAsync(browser.Portal, HolderDefaults.SignInPath, HolderDefaults.SignOutPath);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var endSession = signOut.Headers.Location!;
        Assert.Equal(FakeNationalSignIn.PathPrefix + "/end_session", endSession.AbsolutePath);
        Assert.Null(browser.HolderTicket());
        var atProvider = await browser.AtProviderAsync(endSession);
        Assert.Equal(HttpStatusCode.Redirect, atProvider.StatusCode);
        Assert.False(string.IsNullOrEmpty(Assert.Single(Provider.EndedSessions)), "no id_token_hint was sent");

        var back = await browser.ReturnAsync(atProvider.Headers.Location!);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(HolderDefaults.SignInPath + "?signedOut=true", back.Headers.Location!.OriginalString);
        var (_, page) = await HtmlPage.GetAsync(browser.Portal, back.Headers.Location!.OriginalString);
        Assert.Null(page.QuerySelector("[data-signed-in-as]"));
        Assert.NotNull(page.QuerySelector("form[action='/my/sign-in/national']"));
    }

    [Fact]
    public async Task The_sign_out_form_is_shown_only_to_a_signed_in_holder_and_a_forged_post_signs_no_one_out()
    {
        using var browser = new NationalSignInFlow(portal);
        var (_, anonymous) = await HtmlPage.GetAsync(browser.Portal, HolderDefaults.SignInPath);
        Assert.Null(anonymous.QuerySelector("form[action='/my/sign-out']"));

        await browser.SignInAsync(NationalCode);
        var forged = await browser.Portal.PostAsync(HolderDefaults.SignOutPath, new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.NotNull(browser.HolderTicket());
    }

    private sealed class SignInPortal(IEnumerable<KeyValuePair<string, string>> fakeSettings) : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
            fakeSettings.ToDictionary(s => s.Key, s => (string?)s.Value);
    }
}
