using System.Net;

namespace CertificateInquiry.ClusterTests;

/// <summary>
/// What each server used to count on its own, counted once for the cluster in Redis: the per-address limit of the
/// inquiry forms, the CAPTCHA's free attempts and its spent solutions.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SharedLimitsTests(Cluster cluster)
{
    private const string MaryamCode = "0076543218";
    private const string MaryamNumber = "1401-08-000101";
    private const string Refusal = "لطفاً نشان دهید که ربات نیستید";

    private static Task<HttpResponseMessage> LookupAsync(HttpClient client, string number, string? solution = null) =>
        Pages.PostAsync(client, "/certificates/lookup", null,
            [("NationalCode", MaryamCode), ("CertificateNumber", number), .. solution is null ? Array.Empty<(string, string)>() : [("altcha", solution)]]);

    [SkippableFact]
    public async Task A_client_gets_the_configured_number_of_lookups_across_three_servers_not_three_times_it()
    {
        cluster.SkipUnlessRunning();
        using var client = cluster.ThroughProxy();

        // A client's own X-Forwarded-For is replaced by the load balancer: a forged one lifts nothing.
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.77");
        var statuses = new List<HttpStatusCode>();
        var servers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 2 * Cluster.InquiriesPerWindow; i++)
        {
            using var response = await LookupAsync(client, MaryamNumber);
            statuses.Add(response.StatusCode);
            servers.UnionWith(response.Headers.TryGetValues("X-Served-By", out var by) ? by : []);
        }

        Assert.Equal(Cluster.Servers, servers.Count); // every server answered some of them
        Assert.Equal(Cluster.InquiriesPerWindow, statuses.Count(status => status != HttpStatusCode.TooManyRequests));
        Assert.All(statuses.Take(Cluster.InquiriesPerWindow), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.All(statuses.Skip(Cluster.InquiriesPerWindow), status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
    }

    [SkippableFact]
    public async Task The_free_attempts_are_counted_once_and_a_captcha_solution_accepted_once_is_refused_on_every_other_server()
    {
        cluster.SkipUnlessRunning();
        const string Address = "198.51.100.20";
        using var one = cluster.OnServer(1, Address);
        using var two = cluster.OnServer(2, Address);
        using var three = cluster.OnServer(3, Address);

        // The free attempts, spread over two servers: the third already asks for the CAPTCHA.
        for (var i = 0; i < Cluster.FreeInquiries; i++)
        {
            using var free = await LookupAsync(i % 2 == 0 ? one : two, MaryamNumber);
            Assert.Equal(HttpStatusCode.OK, free.StatusCode);
        }

        var form = await Pages.GetAsync(three, "/certificates/lookup");
        Assert.NotNull(form.QuerySelector("altcha-widget"));
        using var unsolved = await LookupAsync(three, MaryamNumber);
        Assert.Contains(Refusal, (await Pages.ReadAsync(unsolved)).QuerySelector(".error-summary")?.TextContent ?? "", StringComparison.Ordinal);

        // Solved once, on server 1, for Maryam's certificate.
        var solution = AltchaSolver.Solve(await one.GetStringAsync("/captcha/challenge"));
        using var accepted = await LookupAsync(one, MaryamNumber, solution);
        Assert.Contains("مریم احمدی", (await Pages.ReadAsync(accepted)).QuerySelector(".record")?.TextContent ?? "", StringComparison.Ordinal);

        // The same solution for another inquiry, on each other server: refused, nothing looked up.
        foreach (var other in new[] { two, three })
        {
            using var replayed = await LookupAsync(other, "1401-08-000102", solution);
            var page = await Pages.ReadAsync(replayed);
            Assert.Contains(Refusal, page.QuerySelector(".error-summary")?.TextContent ?? "", StringComparison.Ordinal);
            Assert.Null(page.QuerySelector(".record"));
            Assert.Null(page.QuerySelector(".lookup-miss"));
        }
    }
}
