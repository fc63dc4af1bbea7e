using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;

namespace CertificateInquiry.IntegrationTests.SharedState;

/// <summary>
/// Portals configured with a Redis that is not there (an address nothing listens on), as when the one Redis of a
/// cluster dies (ADR-037): the public forms keep answering, limited per server; a CAPTCHA solution is never accepted,
/// so never twice; <c>/health</c> says Degraded, not Unhealthy; the outage is logged once. Needs no Redis: always runs.
/// </summary>
public sealed class RedisAwayTests : IDisposable
{
    private readonly List<RedisPortal> servers = [];

    public void Dispose()
    {
        foreach (var server in servers)
        {
            server.Dispose();
        }
    }

    private RedisPortal Server(Dictionary<string, string?> settings)
    {
        var server = new RedisPortal(TestRedis.Unreachable(), TestRedis.NewKeyPrefix(), settings);
        servers.Add(server);
        return server;
    }

    private static Task<(HttpResponseMessage Response, IDocument Document)> LookupAsync(HttpClient client, int number, params (string, string)[] more) =>
        Forms.SubmitAsync(client, "/certificates/lookup", "/certificates/lookup",
            [("NationalCode", "0084575948"), ("CertificateNumber", "1401-08-" + number.ToString("D6", CultureInfo.InvariantCulture)), .. more]);

    private static string Summary(IDocument page) => page.QuerySelector(".error-summary")?.Text() ?? "";

    [Fact]
    public async Task Lookups_still_work_limited_by_this_server_and_the_outage_is_logged_once()
    {
        var server = Server(new()
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:InquiriesPerWindow"] = "3",
            ["RateLimiting:Window"] = "00:05:00",
            ["Redis:RetryAfterFailure"] = "00:00:00", // Redis asked (and failing) on every request
        });
        var client = server.ClientAt("10.41.0.1");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add((await LookupAsync(client, i)).Response);
        }

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests],
            answers.Select(a => a.StatusCode));
        Assert.Single(server.Log.Events, e => e.Message.StartsWith("Redis is unreachable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_captcha_solution_is_never_accepted_and_the_person_is_told_to_try_again_later()
    {
        var settings = new Dictionary<string, string?> { ["Captcha:Enabled"] = "true", ["Captcha:FreeInquiriesPerWindow"] = "0" };
        var first = Server(settings);
        var second = Server(settings);
        var atFirst = first.ClientAt("10.41.0.2");
        var solution = ("altcha", AltchaSolver.Solve(await atFirst.GetStringAsync("/captcha/challenge")));

        var pages = new[]
        {
            (await LookupAsync(atFirst, 1, solution)).Document,
            (await LookupAsync(atFirst, 1, solution)).Document,
            (await LookupAsync(second.ClientAt("10.41.0.2"), 2, solution)).Document,
        };

        Assert.All(pages, page => Assert.Contains("بخشی از سامانه در دسترس نیست", Summary(page), StringComparison.Ordinal));
        Assert.All(pages, page => Assert.Null(page.QuerySelector(".lookup-miss")));
        Assert.All(pages, page => Assert.NotNull(page.QuerySelector("altcha-widget")));
        Assert.True(first.LogsContain("CAPTCHA", "Unavailable"));
    }

    [Fact]
    public async Task Health_says_degraded_with_the_reason_and_the_portal_keeps_answering()
    {
        var server = Server([]);

        var response = await server.CreateClient().GetAsync("/health");
        var home = await server.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.True(server.LogsContain("redis", "Redis is unreachable: limits are counted per server"), "the reason is not in the log");
    }
}
