using System.Net;
using AngleSharp.Dom;
using CertificateInquiry.FakeProviders;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Notifications;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Features.Holders;
using CertificateInquiry.Web.Features.Holders.Account;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Holders;

/// <summary>
/// The holder's sign-in by a one-time code where the national sign-in is not configured (ADR-032), with Shahkar
/// through the fake Finnotech: only a mobile that is the holder's gets a code, a code works once, five wrong guesses
/// end it, a sign-in has three codes and a number five an hour, and a foreign national's code goes only to the
/// confirmed mobile of one of their submitted requests.
/// </summary>
public sealed class MobileSignInTests : IAsyncLifetime
{
    private const string NationalCode = "0084575948";
    private const string ForeignId = "500012345678";

    private WebApplication fakes = null!;
    private CodePortal portal = null!;

    private FakeFinnotech Finnotech => fakes.Services.GetRequiredService<FakeFinnotech>();

    public async Task InitializeAsync()
    {
        fakes = await FakeProviderServer.StartAsync();
        portal = new CodePortal(FakeFinnotech.PortalSettings(FakeProviderServer.Address(fakes)));
        _ = portal.Server;
    }

    public async Task DisposeAsync()
    {
        await portal.DisposeAsync();
        await fakes.DisposeAsync();
    }

    private static Task<(HttpResponseMessage Response, IDocument Page)> AskForCodeAsync(NationalSignInFlow browser, string identifier, string mobile, string returnUrl = "") =>
        Forms.SubmitAsync(browser.Portal, HolderDefaults.SignInPath + "?returnUrl=" + Uri.EscapeDataString(returnUrl), "/my/sign-in/mobile",
            ("Identifier", identifier), ("Mobile", mobile), ("ReturnUrl", returnUrl));

    private static Task<(HttpResponseMessage Response, IDocument Page)> TypeCodeAsync(NationalSignInFlow browser, string code, string returnUrl = "") =>
        Forms.SubmitAsync(browser.Portal, "/my/sign-in/code", "/my/sign-in/code", ("Code", code), ("returnUrl", returnUrl));

    private static string ErrorOf(IDocument page, string field) => page.QuerySelector($"#{field}-error")?.TextContent ?? "";

    private int SmsTo(string mobile) => portal.Messages.Messages().Count(m => m.Recipient == mobile);

    [Fact]
    public async Task A_holder_whose_mobile_Shahkar_confirms_signs_in_with_the_code_sent_to_it()
    {
        const string mobile = "09121110001";
        Finnotech.RegisterMobile(mobile, NationalCode);
        using var browser = new NationalSignInFlow(portal);

        var (sent, _) = await AskForCodeAsync(browser, PersianText.ToPersianDigits(NationalCode), "+98 912 111 0001", "/my/certificates");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var (page, codePage) = (sent.Headers.Location!.OriginalString, (await HtmlPage.GetAsync(browser.Portal, sent.Headers.Location!.OriginalString)).Document);
        Assert.StartsWith("/my/sign-in/code", page, StringComparison.Ordinal);
        Assert.Contains("0912***0001", codePage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(codePage.QuerySelector("[data-ownership-not-checked]"));

        var code = portal.LastCodeSentTo(mobile);
        var (signedIn, _) = await TypeCodeAsync(browser, PersianText.ToPersianDigits(code), "/my/certificates");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/my/certificates", signedIn.Headers.Location!.OriginalString);
        var ticket = browser.HolderTicket();
        Assert.NotNull(ticket);
        Assert.Equal(NationalCode, ticket.Principal.HolderIdentifier());
        Assert.Equal(nameof(HolderSignInMethod.MobileCode), ticket.Principal.FindFirst(HolderClaims.Method)!.Value);
        Assert.Equal(1, Finnotech.ShahkarCalls);
        Assert.True(portal.LogsContain("signed in by", "MobileCode"));
        Assert.False(portal.LogsContain(NationalCode), "the national code was written to the log");
        Assert.False(portal.LogsContain(code), "the code was written to the log");
    }

    [Fact]
    public async Task A_mobile_that_Shahkar_says_is_someone_elses_gets_no_code()
    {
        const string mobile = "09121110002";
        Finnotech.RegisterMobile(mobile, "0023456787");
        using var browser = new NationalSignInFlow(portal);

        var (response, page) = await AskForCodeAsync(browser, NationalCode, mobile);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(HolderSignInController.NotTheirMobileText, ErrorOf(page, "Mobile"), StringComparison.Ordinal);
        Assert.StartsWith("خطا: ", page.Title, StringComparison.Ordinal);
        Assert.Equal(0, SmsTo(mobile));
        var (codeStep, _) = await HtmlPage.GetAsync(browser.Portal, "/my/sign-in/code");
        Assert.Equal(HttpStatusCode.Redirect, codeStep.StatusCode);
        Assert.Equal(HolderDefaults.SignInPath, codeStep.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task While_Shahkar_cannot_be_asked_no_code_goes_out()
    {
        const string mobile = "09121110003";
        Finnotech.RegisterMobile(mobile, NationalCode);
        Finnotech.Down = true;
        using var browser = new NationalSignInFlow(portal);

        var (_, page) = await AskForCodeAsync(browser, NationalCode, mobile);

        Assert.Contains(HolderSignInController.OwnerNotCheckedText, ErrorOf(page, "Mobile"), StringComparison.Ordinal);
        Assert.Equal(0, SmsTo(mobile));
    }

    [Fact]
    public async Task Five_wrong_guesses_end_the_code_and_the_right_one_no_longer_signs_in()
    {
        const string mobile = "09121110004";
        Finnotech.RegisterMobile(mobile, NationalCode);
        using var browser = new NationalSignInFlow(portal);
        await AskForCodeAsync(browser, NationalCode, mobile);
        var code = portal.LastCodeSentTo(mobile);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var guess = 1; guess <= 5; guess++)
        {
            var (_, page) = await TypeCodeAsync(browser, wrong);
            Assert.Contains(guess < 5 ? "کد درست نیست" : "کد چند بار نادرست وارد شد", ErrorOf(page, "Code"), StringComparison.Ordinal);
        }

        var (response, last) = await TypeCodeAsync(browser, code);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("کد چند بار نادرست وارد شد", ErrorOf(last, "Code"), StringComparison.Ordinal);
        Assert.Null(browser.HolderTicket());
    }

    [Fact]
    public async Task Twenty_guesses_at_once_count_as_twenty_and_none_signs_in()
    {
        const string mobile = "09121110005";
        Finnotech.RegisterMobile(mobile, NationalCode);
        using var browser = new NationalSignInFlow(portal);
        await AskForCodeAsync(browser, NationalCode, mobile);
        var code = portal.LastCodeSentTo(mobile);
        var (_, codePage) = await HtmlPage.GetAsync(browser.Portal, "/my/sign-in/code");
        var token = codePage.QuerySelector("form[action='/my/sign-in/code'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        var guesses = Enumerable.Range(0, 20).Select(i => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1 + i) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            .Select(guess => browser.Portal.PostAsync("/my/sign-in/code", new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = guess, ["__RequestVerificationToken"] = token })));
        await Task.WhenAll(guesses);

        var (_, page) = await TypeCodeAsync(browser, code);
        Assert.Contains("کد چند بار نادرست وارد شد", ErrorOf(page, "Code"), StringComparison.Ordinal);
        Assert.Null(browser.HolderTicket());
    }

    [Fact]
    public async Task A_code_signs_in_once_even_from_a_browser_that_copied_the_sign_in_in_progress()
    {
        const string mobile = "09121110006";
        Finnotech.RegisterMobile(mobile, NationalCode);
        using var holder = new NationalSignInFlow(portal);
        using var copy = new NationalSignInFlow(portal);
        await AskForCodeAsync(holder, NationalCode, mobile);
        var pendingCookie = holder.Cookies.GetCookies(new Uri("http://localhost/my/sign-in/code")).Single(c => c.Name == PendingMobileSignIn.CookieName);
        copy.Cookies.Add(new Uri("http://localhost/my/sign-in/"), new Cookie(pendingCookie.Name, pendingCookie.Value, HolderDefaults.SignInPath));
        var code = portal.LastCodeSentTo(mobile);

        var (first, _) = await TypeCodeAsync(holder, code);
        var (second, page) = await TypeCodeAsync(copy, code);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.NotNull(holder.HolderTicket());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("این کد دیگر معتبر نیست", ErrorOf(page, "Code"), StringComparison.Ordinal);
        Assert.Null(copy.HolderTicket());
    }

    [Fact]
    public async Task A_sign_in_has_three_codes_and_a_number_no_more_than_five_an_hour_whoever_asks()
    {
        const string mobile = "09121110007";
        Finnotech.RegisterMobile(mobile, NationalCode);
        using var browser = new NationalSignInFlow(portal);
        await AskForCodeAsync(browser, NationalCode, mobile);
        for (var resend = 1; resend <= 2; resend++)
        {
            var again = await Forms.PostWithTokenFromAsync(browser.Portal, "/my/sign-in/code", "/my/sign-in/code/send");
            Assert.Contains("کد تازه به شماره شما پیامک شد", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var refused = await HtmlPage.ParseAsync(await Forms.PostWithTokenFromAsync(browser.Portal, "/my/sign-in/code", "/my/sign-in/code/send"));
        Assert.Contains("بیش از اندازه کد فرستاده شده است", ErrorOf(refused, "Code"), StringComparison.Ordinal);
        Assert.Equal(3, SmsTo(mobile));

        // Two more holders' attempts on the same number (not theirs, so refused after taking their place), then none.
        using var other = new NationalSignInFlow(portal);
        await AskForCodeAsync(other, "0012345679", mobile);
        await AskForCodeAsync(other, "0023456787", mobile);
        var (_, resting) = await AskForCodeAsync(other, "0034567895", mobile);

        Assert.Contains("به این شماره اخیراً بیش از اندازه کد فرستاده شده است", ErrorOf(resting, "Mobile"), StringComparison.Ordinal);
        Assert.Equal(3, SmsTo(mobile));
        Assert.Equal(5, await portal.WithDatabaseAsync(db => db.SmsCodeSends.CountAsync(s => s.Mobile == mobile)));
    }

    [Fact]
    public async Task A_foreign_national_gets_a_code_only_on_the_confirmed_mobile_of_a_submitted_request()
    {
        const string requestMobile = "09121110008";
        const string draftMobile = "09121110009";
        const string otherMobile = "09121110010";
        await portal.WithDatabaseAsync(async db =>
        {
            var submitted = await TestRequests.CreateSubmittedAsync(db, requestMobile);
            submitted.NationalCode = ForeignId;
            submitted.MobileConfirmedAtUtc = DateTime.UtcNow;
            var draft = await TestRequests.CreateDraftAsync(db, draftMobile);
            draft.NationalCode = ForeignId;
            draft.MobileConfirmedAtUtc = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        using var browser = new NationalSignInFlow(portal);

        foreach (var mobile in new[] { otherMobile, draftMobile })
        {
            var (_, page) = await AskForCodeAsync(browser, ForeignId, mobile);
            Assert.Contains(HolderSignInController.NotOnRequestText, ErrorOf(page, "Mobile"), StringComparison.Ordinal);
            Assert.Equal(0, SmsTo(mobile));
        }

        var (sent, _) = await AskForCodeAsync(browser, PersianText.ToPersianDigits(ForeignId), requestMobile);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var (signedIn, _) = await TypeCodeAsync(browser, portal.LastCodeSentTo(requestMobile));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(ForeignId, browser.HolderTicket()!.Principal.HolderIdentifier());
        Assert.Equal(0, Finnotech.ShahkarCalls);
        var (_, home) = await HtmlPage.GetAsync(browser.Portal, HolderDefaults.SignInPath);
        Assert.Contains("کد یکتای اتباع", home.QuerySelector("[data-signed-in-as]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1234567890", "09121110011", "Identifier")]
    [InlineData("<script>alert(1)</script>", "09121110011", "Identifier")]
    [InlineData("0084575948", "0912111001", "Mobile")]
    [InlineData("0084575948", "٠٩١٢abc", "Mobile")]
    public async Task Junk_in_the_form_gets_a_Persian_error_beside_its_field_and_no_code(string identifier, string mobile, string field)
    {
        using var browser = new NationalSignInFlow(portal);

        var (response, page) = await AskForCodeAsync(browser, identifier, mobile);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("", ErrorOf(page, field));
        Assert.NotNull(page.QuerySelector($".error-summary a[href='#{field}']"));
        Assert.Empty(portal.Messages.Messages());
    }

    [Fact]
    public async Task A_NUL_byte_in_the_form_is_refused_as_malformed_and_no_code_goes_out()
    {
        using var browser = new NationalSignInFlow(portal);

        var (response, _) = await AskForCodeAsync(browser, NationalCode + "\u0000", "09121110011");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(portal.Messages.Messages());
    }

    [Fact]
    public async Task A_five_megabyte_identifier_is_refused_without_a_code()
    {
        using var browser = new NationalSignInFlow(portal);

        var (response, _) = await AskForCodeAsync(browser, new string('۱', 5_000_000), "09121110012");

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, response.StatusCode.ToString());
        Assert.Empty(portal.Messages.Messages());
    }

    [Fact]
    public async Task Without_a_sign_in_in_progress_or_with_a_forged_one_the_code_step_sends_back_to_the_start()
    {
        using var browser = new NationalSignInFlow(portal);
        browser.Cookies.Add(new Uri("http://localhost/my/sign-in/"), new Cookie(PendingMobileSignIn.CookieName, "CfDJ8forged", HolderDefaults.SignInPath));

        var (page, _) = await HtmlPage.GetAsync(browser.Portal, "/my/sign-in/code");
        var post = await Forms.PostWithTokenFromAsync(browser.Portal, HolderDefaults.SignInPath, "/my/sign-in/code", ("Code", "123456"));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(HolderDefaults.SignInPath, page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(HolderDefaults.SignInPath, post.Headers.Location!.OriginalString);
    }

    private sealed class CodePortal(IEnumerable<KeyValuePair<string, string>> fakeSettings) : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings
        {
            get
            {
                var settings = fakeSettings.ToDictionary(s => s.Key, s => (string?)s.Value);
                settings["Verification:CodeKey"] = "test-key-for-codes";
                settings["PhoneVerification:ResendAfter"] = "00:00:00";
                settings["IdentityChecks:Finnotech:Timeout"] = "00:00:02";
                return settings;
            }
        }
    }
}
