using System.Net;
using CertificateInquiry.IntegrationTests.Admin;
using CertificateInquiry.IntegrationTests.Infrastructure;

namespace CertificateInquiry.IntegrationTests.Agencies;

/// <summary>The token endpoint's per-address limit: a bot guessing secrets is slowed, and a forged X-Forwarded-For does not lift it.</summary>
public sealed class TokenThrottlingTests : IDisposable
{
    private readonly ThrottledPortal portal = new();

    public void Dispose() => portal.Dispose();

    private HttpClient ClientAt(string address)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return client;
    }

    [Fact]
    public async Task Past_the_limit_an_address_gets_429_problem_details_with_retry_after_even_with_the_right_secret()
    {
        var agency = await AgencyClients.RegisterAsync(portal);
        var bot = ClientAt("198.51.100.7");
        for (var i = 0; i < 3; i++)
        {
            var guess = await Tokens.RequestAsync(bot, agency.ClientId, "guess-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("invalid_client", guess.Error);
        }

        var refused = await Tokens.RequestAsync(bot, agency.ClientId, agency.ClientSecret);
        bot.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.50");
        var forged = await Tokens.RequestAsync(bot, agency.ClientId, agency.ClientSecret);
        var elsewhere = await Tokens.RequestAsync(ClientAt("198.51.100.8"), agency.ClientId, agency.ClientSecret);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("application/problem+json", refused.Response.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Response.Headers.RetryAfter is not null, "Retry-After is missing");
        Assert.Null(refused.AccessToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, forged.Status);
        Assert.Equal(HttpStatusCode.OK, elsewhere.Status);
    }

    private sealed class ThrottledPortal : AdminPortal
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["AgencyApi:TokenRequestsPerMinute"] = "3",
        };
    }
}
