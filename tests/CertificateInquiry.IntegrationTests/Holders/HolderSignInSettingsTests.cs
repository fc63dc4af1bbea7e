using System.Net;
using CertificateInquiry.FakeProviders;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Features.Holders;
using CertificateInquiry.Web.Features.Holders.Account;
using Microsoft.AspNetCore.Hosting;

namespace CertificateInquiry.IntegrationTests.Holders;

/// <summary>
/// Which way in the sign-in page offers, by settings and environment (ADR-032): without Shahkar a test or development
/// server sends codes and says it does not check the number; any other server refuses codes; and a real Production
/// server without the national sign-in or Shahkar, or with a provider on plain HTTP, does not start.
/// </summary>
public sealed class HolderSignInSettingsTests
{
    [Fact]
    public async Task Without_Shahkar_a_test_server_sends_codes_and_says_the_number_is_not_checked()
    {
        using var portal = new SettingsPortal("Testing", new Dictionary<string, string?>());
        using var browser = new NationalSignInFlow(portal);

        var (_, page) = await HtmlPage.GetAsync(browser.Portal, HolderDefaults.SignInPath);
        Assert.Contains("محیط توسعه: مالکیت شماره بررسی نمی‌شود", page.QuerySelector("[data-ownership-not-checked]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action='/my/sign-in/national']"));

        var (sent, _) = await Forms.SubmitAsync(browser.Portal, HolderDefaults.SignInPath, "/my/sign-in/mobile", ("Identifier", "0084575948"), ("Mobile", "09121110020"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var (_, codePage) = await HtmlPage.GetAsync(browser.Portal, sent.Headers.Location!.OriginalString);
        Assert.NotNull(codePage.QuerySelector("[data-ownership-not-checked]"));
        var (signedIn, _) = await Forms.SubmitAsync(browser.Portal, "/my/sign-in/code", "/my/sign-in/code", ("Code", portal.LastCodeSentTo("09121110020")));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("0084575948", browser.HolderTicket()!.Principal.HolderIdentifier());
    }

    [Fact]
    public async Task A_Production_staging_copy_without_Shahkar_offers_no_codes_and_refuses_a_posted_one()
    {
        using var portal = new SettingsPortal("Production", new Dictionary<string, string?> { ["Payments:Sandbox:Enabled"] = "true" });
        using var browser = new NationalSignInFlow(portal);

        var (_, page) = await HtmlPage.GetAsync(browser.Portal, HolderDefaults.SignInPath);
        Assert.NotNull(page.QuerySelector("[data-sign-in-unavailable]"));
        Assert.Null(page.QuerySelector("form[action='/my/sign-in/mobile']"));

        // The page has no form to post: a bot posts anyway, with a token from another page.
        var response = await Forms.PostWithTokenFromAsync(browser.Portal, "/requests/new", "/my/sign-in/mobile", ("Identifier", "0084575948"), ("Mobile", "09121110021"));
        Assert.Contains(HolderSignInController.UnavailableText, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(portal.Messages.Messages());
    }

    [Fact]
    public async Task A_real_Production_server_without_the_national_sign_in_or_Shahkar_refuses_to_start_and_says_what_to_set()
    {
        await using var fakes = await FakeProviderServer.StartAsync();
        var settings = FakeProviderServer.PortalSettings(FakeProviderServer.Address(fakes))
            .Where(s => !s.Key.StartsWith("IdentityChecks:", StringComparison.Ordinal) && !s.Key.StartsWith("NationalSignIn:", StringComparison.Ordinal))
            .ToDictionary(s => s.Key, s => (string?)s.Value);
        settings["Payments:Gateway"] = "Sep";
        settings["Portal:StagingCopy"] = "false";
        using var portal = new SettingsPortal("Production", settings);

        var failure = Assert.ThrowsAny<Exception>(() => portal.Server).ToString();

        Assert.Contains("Neither NationalSignIn nor Shahkar", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("Sms:Provider is Log", failure, StringComparison.Ordinal);

        // With the national sign-in it starts.
        foreach (var (key, value) in FakeNationalSignIn.PortalSettings(FakeProviderServer.Address(fakes)))
        {
            settings[key] = value;
        }

        using var ready = new SettingsPortal("Production", settings);
        Assert.NotNull(ready.Server);
    }

    [Fact]
    public void A_national_sign_in_on_plain_HTTP_stops_a_Production_server_at_start()
    {
        using var portal = new SettingsPortal("Production", new Dictionary<string, string?>
        {
            ["Payments:Sandbox:Enabled"] = "true",
            ["NationalSignIn:Authority"] = "http://sso.example.invalid/oauth2",
            ["NationalSignIn:ClientId"] = "tvto",
            ["NationalSignIn:ClientSecret"] = "secret",
        });

        var failure = Assert.ThrowsAny<Exception>(() => portal.Server).ToString();

        Assert.Contains("NationalSignIn:Authority and MetadataAddress must be https", failure, StringComparison.Ordinal);
    }

    private sealed class SettingsPortal(string environment, IReadOnlyDictionary<string, string?> settings) : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => settings;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
            if (environment == "Production")
            {
                foreach (var (key, value) in ProductionTestKeys.Settings(Folder).Where(s => !settings.ContainsKey(s.Key)))
                {
                    builder.UseSetting(key, value);
                }
            }
        }
    }
}
