using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;

namespace CertificateInquiry.IntegrationTests.SharedState;

/// <summary>
/// Two portal "servers" on one Redis (<see cref="TestRedis.Variable"/>; skipped without it), as behind a load balancer
/// that sends a client's requests to either: the limits count once across both, and a CAPTCHA solution accepted by one
/// is refused by the other (ADR-037). Each test has its own key prefix and client address.
/// </summary>
public sealed class TwoServersTests : IDisposable
{
    private readonly List<RedisPortal> servers = [];

    public void Dispose()
    {
        foreach (var server in servers)
        {
            server.Dispose();
        }
    }

    private (RedisPortal First, RedisPortal Second) TwoServers(Dictionary<string, string?> settings)
    {
        Skip.If(TestRedis.Configuration is null, TestRedis.SkipReason);
        var prefix = TestRedis.NewKeyPrefix();
        var first = new RedisPortal(TestRedis.Configuration!, prefix, settings);
        var second = new RedisPortal(TestRedis.Configuration!, prefix, settings);
        servers.AddRange([first, second]);
        return (first, second);
    }

    private static Task<(HttpResponseMessage Response, IDocument Document)> LookupAsync(HttpClient client, int number, params (string, string)[] more) =>
        Forms.SubmitAsync(client, "/certificates/lookup", "/certificates/lookup",
            [("NationalCode", "0084575948"), ("CertificateNumber", "1401-08-" + number.ToString("D6", CultureInfo.InvariantCulture)), .. more]);

    private static string Summary(IDocument page) => page.QuerySelector(".error-summary")?.Text() ?? "";

    [SkippableFact]
    public async Task A_client_gets_the_configured_number_of_lookups_across_two_servers_not_twice_it()
    {
        var (first, second) = TwoServers(new()
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:InquiriesPerWindow"] = "4",
            ["RateLimiting:Window"] = "00:05:00",
        });
        var clients = new[] { first.ClientAt("10.40.0.1"), second.ClientAt("10.40.0.1") };

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add((await LookupAsync(clients[i % 2], i)).Response);
        }

        Assert.Equal(4, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Skip(4), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.StatusCode)); // on both servers
        Assert.All(answers.Skip(4), a => Assert.NotNull(a.Headers.RetryAfter));

        // Another address has its own count.
        Assert.Equal(HttpStatusCode.OK, (await LookupAsync(second.ClientAt("10.40.0.2"), 1)).Response.StatusCode);
    }

    [SkippableFact]
    public async Task A_captcha_solution_accepted_by_one_server_is_refused_by_the_other_as_a_replay()
    {
        var (first, second) = TwoServers(new()
        {
            ["Captcha:Enabled"] = "true",
            ["Captcha:FreeInquiriesPerWindow"] = "0",
        });
        var atFirst = first.ClientAt("10.40.0.3");
        var atSecond = second.ClientAt("10.40.0.3");
        var solution = ("altcha", AltchaSolver.Solve(await atFirst.GetStringAsync("/captcha/challenge")));

        var (_, accepted) = await LookupAsync(atFirst, 1, solution);
        var (_, replayed) = await LookupAsync(atSecond, 2, solution);
        var (_, refreshed) = await LookupAsync(atSecond, 1, solution); // the first answer's page refreshed: same form, same keys

        Assert.Equal("", Summary(accepted));
        Assert.NotNull(accepted.QuerySelector(".lookup-miss"));
        Assert.Contains("ربات نیستید", Summary(replayed), StringComparison.Ordinal);
        Assert.Null(replayed.QuerySelector(".lookup-miss"));
        Assert.True(second.LogsContain("CAPTCHA", "Replayed"), "the second server did not log a replay");
        Assert.Equal("", Summary(refreshed));
    }

    [SkippableFact]
    public async Task One_solution_sent_to_both_servers_at_once_is_accepted_by_exactly_one()
    {
        var (first, second) = TwoServers(new()
        {
            ["Captcha:Enabled"] = "true",
            ["Captcha:FreeInquiriesPerWindow"] = "0",
        });
        var atFirst = first.ClientAt("10.40.0.4");
        var atSecond = second.ClientAt("10.40.0.4");

        for (var round = 0; round < 5; round++)
        {
            var solution = ("altcha", AltchaSolver.Solve(await atFirst.GetStringAsync("/captcha/challenge")));
            var pages = await Task.WhenAll(LookupAsync(atFirst, 10 + round, solution), LookupAsync(atSecond, 20 + round, solution));

            Assert.Equal(1, pages.Count(page => Summary(page.Document) == ""));
        }
    }

    [SkippableFact]
    public async Task The_sms_counts_per_address_are_shared_a_code_sent_by_one_server_counts_on_the_other()
    {
        var (first, second) = TwoServers(new()
        {
            ["Captcha:Enabled"] = "true",
            ["PhoneVerification:FreeSendsPerClient"] = "1",
            ["PhoneVerification:MaxSendsPerClient"] = "3",
            ["PhoneVerification:MaxDraftsPerClient"] = "3",
            ["PhoneVerification:ResendAfter"] = "00:00:00",
            ["Notifications:DispatcherEnabled"] = "false",
        });
        var atFirst = first.ClientAt("10.40.0.5");
        var atSecond = second.ClientAt("10.40.0.5");

        await StartDraftAsync(atFirst);
        var (sent, _) = await Forms.SubmitAsync(atFirst, "/requests/form/applicant", "/requests/form/applicant", Applicant("09140000011"));
        Assert.Equal("/requests/form/mobile", sent.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(1, first.Messages.Messages().Count(m => m.Recipient == "09140000011"));

        // The second server knows the free code was had: it draws the CAPTCHA and sends nothing without a solution.
        await StartDraftAsync(atSecond);
        var (_, form) = await HtmlPage.GetAsync(atSecond, "/requests/form/applicant");
        Assert.NotNull(form.QuerySelector("form[action='/requests/form/applicant'] altcha-widget"));
        var (_, refused) = await Forms.SubmitAsync(atSecond, "/requests/form/applicant", "/requests/form/applicant", Applicant("09140000012"));
        Assert.Contains("ربات نیستید", Summary(refused), StringComparison.Ordinal);
        Assert.Equal(0, second.Messages.Messages().Count(m => m.Recipient == "09140000012"));

        // Drafts too: two started here and there, the third (of three) here by a new browser at the same address, and
        // a fourth anywhere is refused.
        await StartDraftAsync(first.ClientAt("10.40.0.5"));
        var (tooMany, _) = await Forms.SubmitAsync(second.ClientAt("10.40.0.5"), "/requests/new", "/requests/new");
        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.StatusCode);
    }

    [SkippableFact]
    public async Task A_password_guesser_spreading_guesses_over_two_servers_is_held_back_on_both_after_the_free_failures()
    {
        var (first, second) = TwoServers(new()
        {
            ["Staff:SignInThrottle:FirstDelay"] = "00:00:10",
            ["Staff:SignInThrottle:FreeFailuresPerAccount"] = "4",
            ["Staff:SignInThrottle:FreeFailuresPerAddress"] = "100",
        });
        HttpClient[] browsers = [first.ClientAt("10.40.0.6"), second.ClientAt("10.40.0.7")]; // two addresses as well
        const string Email = "expert.guessed@tvto.example";

        for (var guess = 1; guess <= 4; guess++)
        {
            var (_, checkedPage) = await StaffSignInAsync(browsers[guess % 2], Email, "guess " + guess);
            Assert.Null(checkedPage.QuerySelector("[data-retry-after]"));
        }

        foreach (var browser in browsers)
        {
            var (response, page) = await StaffSignInAsync(browser, Email, "one guess more");
            Assert.NotNull(page.QuerySelector("[data-retry-after]"));
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        }
    }

    [SkippableFact]
    public async Task Health_is_healthy_while_redis_answers()
    {
        var (first, _) = TwoServers([]);

        var response = await first.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    private static Task<(HttpResponseMessage Response, IDocument Document)> StaffSignInAsync(HttpClient client, string email, string password) =>
        Forms.SubmitAsync(client, "/admin/sign-in", "/admin/sign-in", ("Email", email), ("Password", password));

    private static async Task StartDraftAsync(HttpClient client)
    {
        var (response, _) = await Forms.SubmitAsync(client, "/requests/new", "/requests/new");
        Assert.Equal("/requests/form/applicant", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private static (string, string)[] Applicant(string mobile) =>
    [
        ("RequesterKind", "Holder"), ("NationalCode", "0076543218"), ("FirstName", "زهرا"), ("LastName", "کریمی"),
        ("FatherName", "محمود"), ("BirthDate", "1360/02/05"), ("Gender", "Female"), ("Mobile", mobile), ("Email", ""),
    ];
}
