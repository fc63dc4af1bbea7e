using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Domain.Agencies;

namespace CertificateInquiry.IntegrationTests.AgencyApi;

/// <summary>
/// A server keeps the bearer tokens it validated (AgencyTokenCache) so that an agency's thousands of requests with one
/// token do not each check its signature again. What that memory must never do: outlive the token, or accept a
/// token that differs from the validated one.
/// </summary>
public sealed class AgencyTokenCacheTests(ClockedDemoPortalFactory portal) : IClassFixture<ClockedDemoPortalFactory>
{
    private static readonly object Query = AgencyApiClients.Query("0076543218", "1401-08-000101");

    [Fact]
    public async Task A_token_used_many_times_stops_working_when_it_expires()
    {
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Verify);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.InquireAsync(Query)).StatusCode);
        }

        // Tokens live ten minutes (AgencyApi:AccessTokenLifetime).
        portal.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(HttpStatusCode.OK, (await client.InquireAsync(Query)).StatusCode);
        portal.Clock.Advance(TimeSpan.FromMinutes(2));

        using var expired = await client.InquireAsync(Query);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Contains("invalid_token", expired.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_copy_of_a_validated_token_is_refused()
    {
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Verify);
        Assert.Equal(HttpStatusCode.OK, (await client.InquireAsync(Query)).StatusCode);
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;

        foreach (var forged in new[]
                 {
                     token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1], // one character of the signature
                     token + "x",
                     token + " " + token,
                     "\u0000" + token,
                 })
        {
            var other = portal.CreateClient();
            other.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + forged);
            using var response = await other.InquireAsync(Query);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // The genuine token still works afterwards.
        Assert.Equal(HttpStatusCode.OK, (await client.InquireAsync(Query)).StatusCode);
    }
}
