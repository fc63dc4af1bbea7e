using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.CertificateLookup;

/// <summary>
/// The CAPTCHA past the threshold (two free inquiries here), solved as the widget would by <see cref="AltchaSolver"/>.
/// Each test is its own client address, so the counts of one do not reach another.
/// </summary>
public sealed class CaptchaTests(CaptchaTests.CaptchaPortal portal) : IClassFixture<CaptchaTests.CaptchaPortal>
{
    private const string Secret = "integration-test-secret";
    private const string Refusal = "لطفاً نشان دهید که ربات نیستید";
    private const string MaryamCode = "0076543218";
    private const string MaryamNumber = "1401-08-000101";

    private static readonly (string, string)[] MaryamKeys = [("NationalCode", MaryamCode), ("CertificateNumber", MaryamNumber)];

    private HttpClient Client(string address)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Add(CaptchaPortal.ClientAddressHeader, address);
        return client;
    }

    private static Task<(HttpResponseMessage Response, IDocument Document)> LookupAsync(HttpClient client, params (string, string)[] fields) =>
        Forms.SubmitAsync(client, "/certificates/lookup", "/certificates/lookup", fields);

    /// <summary>Uses up the free inquiries with misses.</summary>
    private static async Task PassTheThresholdAsync(HttpClient client)
    {
        for (var i = 0; i < CaptchaPortal.FreeInquiries; i++)
        {
            var (response, _) = await LookupAsync(client, ("NationalCode", "0084575948"), ("CertificateNumber", $"1401-08-{i:D6}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static async Task<string> SolvedAsync(HttpClient client) =>
        AltchaSolver.Solve(await client.GetStringAsync("/captcha/challenge"));

    private static IElement? Widget(IDocument page) => page.QuerySelector("altcha-widget");

    private static void AssertRefused(IDocument page, string? detail = null)
    {
        var summary = page.QuerySelector(".error-summary")!;
        Assert.Contains(Refusal, summary.Text(), StringComparison.Ordinal);
        if (detail is not null)
        {
            Assert.Contains(detail, summary.Text(), StringComparison.Ordinal);
        }

        Assert.Equal("#altcha", summary.QuerySelector("a")!.GetAttribute("href"));
        Assert.StartsWith("خطا: ", page.Title, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".record"));
        Assert.Null(page.QuerySelector(".lookup-miss"));
        Assert.NotNull(Widget(page)); // to try again
    }

    private string HashOf(string address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return portal.Services.GetRequiredService<InquiryAudit>().HashClientAddress(context);
    }

    // What the audit writer stored for this address once it holds at least atLeast entries, or after 5 s what it holds.
    private Task<List<InquiryAuditEntry>> AuditOfAsync(string address, int atLeast)
    {
        var hash = HashOf(address);
        return Poll.LatestAsync(
            () => portal.WithDatabaseAsync(db => db.InquiryAudit.AsNoTracking().Where(e => e.ClientAddressHash == hash).OrderBy(e => e.Id).ToListAsync()),
            entries => entries.Count >= atLeast,
            TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Below_the_threshold_the_forms_have_no_widget_and_inquiries_need_no_solution()
    {
        var client = Client("10.0.1.1");

        var (_, form) = await HtmlPage.GetAsync(client, "/certificates/lookup");
        var (_, first) = await LookupAsync(client, MaryamKeys);

        Assert.Null(Widget(form));
        Assert.Null(form.QuerySelector("script[src^='/js/captcha.']"));
        Assert.Contains("مریم احمدی", first.QuerySelector(".record")!.Text(), StringComparison.Ordinal);
        Assert.Null(Widget(first));

        var (_, second) = await Forms.SubmitAsync(client, "/licenses/check", "/licenses/check", ("LicenseNumber", "1395-17-000103"));
        Assert.NotNull(second.QuerySelector(".record"));
        Assert.NotNull(Widget(second)); // that was the last free one: the next form asks
    }

    [Fact]
    public async Task Past_the_threshold_both_forms_draw_the_widget_with_its_local_assets()
    {
        var client = Client("10.0.1.2");
        await PassTheThresholdAsync(client);

        foreach (var path in new[] { "/certificates/lookup", "/licenses/check" })
        {
            var (_, page) = await HtmlPage.GetAsync(client, path);
            var widget = Widget(page)!;
            Assert.Equal("/captcha/challenge", widget.GetAttribute("challenge"));
            Assert.Equal("altcha", widget.GetAttribute("name"));
            Assert.Equal("fa", widget.GetAttribute("language"));
            Assert.Equal("""{"hideFooter":true,"hideLogo":true}""", widget.GetAttribute("configuration")); // no link to the vendor
            Assert.Equal("altcha", widget.Closest("fieldset")!.Id);
            var status = widget.Closest("fieldset")!.QuerySelector("[aria-live]"); // the widget's state, said in words (captcha.js)
            Assert.NotNull(status);
            Assert.Equal("polite", status.GetAttribute("aria-live"));
            Assert.Equal("status", status.GetAttribute("role"));
            Assert.NotNull(widget.Closest("form")!.QuerySelector("legend"));
            Assert.NotNull(page.QuerySelector("link[href^='/lib/altcha/altcha.']"));
            var script = page.QuerySelector("script[src^='/js/captcha.']")!;
            Assert.Equal("module", script.GetAttribute("type"));
            Assert.Empty(page.QuerySelectorAll("[style]"));
        }

        foreach (var asset in new[] { "/js/captcha.js", "/lib/altcha/altcha.min.js", "/lib/altcha/altcha.css", "/lib/altcha/i18n/fa.js", "/lib/altcha/workers/sha.js" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(asset)).StatusCode);
        }
    }

    [Fact]
    public async Task Past_the_threshold_a_lookup_without_a_solution_is_refused_in_persian_keeps_the_input_and_looks_nothing_up()
    {
        const string address = "10.0.1.3";
        var client = Client(address);
        await PassTheThresholdAsync(client);

        var (response, page) = await LookupAsync(client, MaryamKeys);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertRefused(page, "من ربات نیستم");
        Assert.Equal(MaryamCode, page.QuerySelector("input[name='NationalCode']")!.GetAttribute("value"));
        Assert.Equal(MaryamNumber, page.QuerySelector("input[name='CertificateNumber']")!.GetAttribute("value"));
        Assert.DoesNotContain("مریم", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#altcha .field-validation-error"));

        var audit = await AuditOfAsync(address, CaptchaPortal.FreeInquiries + 1);
        var refused = audit[^1];
        Assert.Equal((InquiryChannel.CertificateLookup, InquiryOutcome.Invalid, (long?)null), (refused.Channel, refused.Outcome, refused.CertificateId));
    }

    [Fact]
    public async Task Past_the_threshold_a_lookup_with_a_solution_finds_the_certificate_and_the_report_downloads_without_another()
    {
        var client = Client("10.0.1.4");
        await PassTheThresholdAsync(client);

        var (_, page) = await LookupAsync(client, [.. MaryamKeys, ("altcha", await SolvedAsync(client))]);

        Assert.Contains("مریم احمدی", page.QuerySelector(".record")!.Text(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".error-summary"));
        var reportForm = page.QuerySelector("form[action='/certificates/report']")!;
        Assert.Null(reportForm.QuerySelector("altcha-widget"));
        var fields = reportForm.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!)).ToList();
        Assert.Contains(fields, f => f.Key == "ReportPass" && f.Value.Length > 0);

        var report = await client.PostAsync("/certificates/report", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("application/pdf", report.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_report_pass_opens_only_the_keys_and_the_client_it_was_issued_for()
    {
        var client = Client("10.0.1.5");
        var (_, page) = await LookupAsync(client, MaryamKeys);
        var pass = page.QuerySelector("form[action='/certificates/report'] input[name='ReportPass']")!.GetAttribute("value")!;
        await PassTheThresholdAsync(client);

        async Task<HttpResponseMessage> ReportAsync(HttpClient from, string nationalCode, string number, string? reportPass) =>
            await from.PostAsync("/certificates/report", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["NationalCode"] = nationalCode, ["CertificateNumber"] = number, ["ReportPass"] = reportPass ?? "",
            }));

        var withoutPass = await ReportAsync(client, MaryamCode, MaryamNumber, null);
        var otherKeys = await ReportAsync(client, "1270123459", "1402-04-000102", pass);
        var withPass = await ReportAsync(client, MaryamCode, MaryamNumber, pass);

        Assert.Equal("text/html", withoutPass.Content.Headers.ContentType!.MediaType);
        AssertRefused(await HtmlPage.ParseAsync(withoutPass));
        Assert.Equal("text/html", otherKeys.Content.Headers.ContentType!.MediaType);
        AssertRefused(await HtmlPage.ParseAsync(otherKeys));
        Assert.Equal("application/pdf", withPass.Content.Headers.ContentType!.MediaType);

        // Another address with the same pass.
        var other = Client("10.0.1.6");
        await PassTheThresholdAsync(other);
        var elsewhere = await Forms.PostWithTokenFromAsync(other, "/certificates/lookup", "/certificates/report",
            ("NationalCode", MaryamCode), ("CertificateNumber", MaryamNumber), ("ReportPass", pass));
        Assert.Equal("text/html", elsewhere.Content.Headers.ContentType!.MediaType);
        AssertRefused(await HtmlPage.ParseAsync(elsewhere));
    }

    [Fact]
    public async Task The_license_check_needs_a_solution_past_the_threshold_too()
    {
        var client = Client("10.0.1.7");
        await PassTheThresholdAsync(client);

        var (_, refused) = await Forms.SubmitAsync(client, "/licenses/check", "/licenses/check", ("LicenseNumber", "1395-17-000103"));
        var (_, answered) = await Forms.SubmitAsync(client, "/licenses/check", "/licenses/check",
            ("LicenseNumber", "1395-17-000103"), ("altcha", await SolvedAsync(client)));

        AssertRefused(refused);
        Assert.Equal("1395-17-000103", refused.QuerySelector("input[name='LicenseNumber']")!.GetAttribute("value"));
        Assert.Contains("ح. ک.", answered.QuerySelector(".record")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refreshing_a_result_page_resends_the_solved_form_and_shows_the_result_again()
    {
        var client = Client("10.0.1.8");
        await PassTheThresholdAsync(client);
        var lookupSolution = await SolvedAsync(client);
        var checkSolution = await SolvedAsync(client);
        (string, string)[] checkKeys = [("LicenseNumber", "1395-17-000103"), ("NationalCode", "")];

        // A refresh posts the same body again: same keys, same solution.
        var (_, first) = await LookupAsync(client, [.. MaryamKeys, ("altcha", lookupSolution)]);
        var (_, refreshed) = await LookupAsync(client, [.. MaryamKeys, ("altcha", lookupSolution)]);
        var (_, check) = await Forms.SubmitAsync(client, "/licenses/check", "/licenses/check", [.. checkKeys, ("altcha", checkSolution)]);
        var (_, checkRefreshed) = await Forms.SubmitAsync(client, "/licenses/check", "/licenses/check", [.. checkKeys, ("altcha", checkSolution)]);

        Assert.Contains("مریم احمدی", first.QuerySelector(".record")!.Text(), StringComparison.Ordinal);
        Assert.Null(refreshed.QuerySelector(".error-summary"));
        Assert.Contains("مریم احمدی", refreshed.QuerySelector(".record")!.Text(), StringComparison.Ordinal);
        Assert.NotNull(check.QuerySelector(".record"));
        Assert.Null(checkRefreshed.QuerySelector(".error-summary"));
        Assert.NotNull(checkRefreshed.QuerySelector(".record"));

        // Each resubmission is still an inquiry: counted, rate limited and audited.
        var entries = await AuditOfAsync("10.0.1.8", CaptchaPortal.FreeInquiries + 4);
        Assert.Equal(CaptchaPortal.FreeInquiries + 4, entries.Count);
    }

    [Fact]
    public async Task A_solution_is_spent_on_its_keys_and_opens_no_other_inquiry()
    {
        var client = Client("10.0.1.18");
        await PassTheThresholdAsync(client);
        var solution = await SolvedAsync(client);

        var (_, first) = await LookupAsync(client, [.. MaryamKeys, ("altcha", solution)]);
        var (_, otherNumber) = await LookupAsync(client, ("NationalCode", MaryamCode), ("CertificateNumber", "1401-08-000102"), ("altcha", solution));
        var (_, otherCode) = await LookupAsync(client, ("NationalCode", "0084575948"), ("CertificateNumber", MaryamNumber), ("altcha", solution));
        var (_, otherForm) = await Forms.SubmitAsync(client, "/licenses/check", "/licenses/check",
            ("LicenseNumber", MaryamNumber), ("NationalCode", MaryamCode), ("altcha", solution));

        Assert.NotNull(first.QuerySelector(".record"));
        AssertRefused(otherNumber);
        AssertRefused(otherCode);
        Assert.Contains(Refusal, otherForm.QuerySelector(".error-summary")!.Text(), StringComparison.Ordinal);
        Assert.Null(otherForm.QuerySelector(".record"));
    }

    [Fact]
    public async Task A_tampered_signature_is_refused()
    {
        var client = Client("10.0.1.9");
        await PassTheThresholdAsync(client);
        var challenge = JsonNode.Parse(await client.GetStringAsync("/captcha/challenge"))!.AsObject();
        var signature = (string)challenge["signature"]!;
        challenge["signature"] = (signature[0] == 'a' ? "b" : "a") + signature[1..];

        var (_, page) = await LookupAsync(client, [.. MaryamKeys, ("altcha", AltchaSolver.Solve(challenge.ToJsonString()))]);

        AssertRefused(page);
    }

    [Fact]
    public async Task A_key_without_the_prefix_is_refused()
    {
        // The counter's key is computed honestly but lacks the prefix: no work was done.
        var client = Client("10.0.1.10");
        await PassTheThresholdAsync(client);

        var (_, page) = await LookupAsync(client, [.. MaryamKeys, ("altcha", AltchaSolver.SolveWithoutWork(await client.GetStringAsync("/captcha/challenge")))]);

        AssertRefused(page);
    }

    [Fact]
    public async Task An_expired_challenge_is_refused()
    {
        const string address = "10.0.1.11";
        var client = Client(address);
        await PassTheThresholdAsync(client);
        var parameters = JsonNode.Parse(await client.GetStringAsync("/captcha/challenge"))!["parameters"]!.AsObject();
        parameters["expiresAt"] = DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeSeconds();
        var expired = AltchaSolver.Sign(parameters, Secret);

        var (_, page) = await LookupAsync(client, [.. MaryamKeys, ("altcha", AltchaSolver.Solve(expired))]);

        AssertRefused(page, "زمان تأیید گذشته است");
    }

    [Fact]
    public async Task A_solution_to_another_clients_challenge_is_refused()
    {
        var client = Client("10.0.1.12");
        var other = Client("10.0.1.13");
        await PassTheThresholdAsync(client);

        var (_, page) = await LookupAsync(client, [.. MaryamKeys, ("altcha", await SolvedAsync(other))]);

        AssertRefused(page, "نشانی اینترنت شما");
    }

    [Fact]
    public async Task A_refused_solution_leaves_the_input_errors_shown_too()
    {
        var client = Client("10.0.1.14");
        await PassTheThresholdAsync(client);

        var (_, page) = await LookupAsync(client, ("NationalCode", "0076543217"), ("CertificateNumber", MaryamNumber));

        Assert.Equal(["NationalCode", "altcha"], ErrorSummary.AssertLinksFollowTheFields(page));
    }

    [Fact]
    public async Task The_challenge_is_json_never_cached_and_not_under_the_inquiry_rate_limit()
    {
        var client = Client("10.0.1.15");

        for (var i = 0; i < CaptchaPortal.RateLimit + 2; i++)
        {
            var response = await client.GetAsync("/captcha/challenge");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
            var parameters = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["parameters"]!;
            Assert.Equal(HashOf("10.0.1.15"), (string)parameters["data"]!["client"]!);
            Assert.Equal("000", (string)parameters["keyPrefix"]!);
        }
    }

    /// <summary>The demo portal with the CAPTCHA after two inquiries, a known secret, and client addresses from a test header.</summary>
    public sealed class CaptchaPortal : PortalFactory
    {
        public const int FreeInquiries = 2;
        public const int RateLimit = 12;
        public const string ClientAddressHeader = TestClientAddress.Header;

        protected override bool SeedDemoData => true;

        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Captcha:Enabled"] = "true",
            ["Captcha:FreeInquiriesPerWindow"] = FreeInquiries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Captcha:Window"] = "00:30:00",
            ["Captcha:Difficulty"] = "3",
            ["Captcha:Secret"] = Secret,
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:InquiriesPerWindow"] = RateLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, TestClientAddress>());
        }

    }
}

public sealed class CaptchaOffTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task With_the_captcha_off_no_form_asks_and_there_is_no_challenge()
    {
        var client = portal.CreateClient();
        for (var i = 0; i < 8; i++)
        {
            var (_, page) = await Forms.SubmitAsync(client, "/certificates/lookup", "/certificates/lookup",
                ("NationalCode", "0084575948"), ("CertificateNumber", $"1401-08-{i:D6}"));
            Assert.Null(page.QuerySelector(".error-summary"));
            Assert.Null(page.QuerySelector("altcha-widget"));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/captcha/challenge")).StatusCode);
    }
}
