using System.Net;
using CertificateInquiry.IntegrationTests.Admin;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CertificateInquiry.IntegrationTests.Agencies;

/// <summary>
/// Signed client assertions (private_key_jwt, RFC 7523): an agency that registered its public key gets a token with an
/// assertion signed by its private key, once per assertion; replays, other keys, expired, jti-less and long-lived
/// assertions are refused.
/// </summary>
public sealed class ClientAssertionTests(AdminPortal portal) : IClassFixture<AdminPortal>
{
    private async Task<(string ClientId, AgencyKeys Keys)> AgencyWithKeyAsync()
    {
        var agency = await AgencyClients.RegisterAsync(portal);
        var keys = new AgencyKeys("agency-key-" + agency.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var refusal = await AgencyClients.WithRegistryAsync(portal, registry => registry.SetPublicKeysAsync(agency.AgencyId, keys.PublicJwks, CancellationToken.None));
        Assert.Null(refusal);
        return (agency.ClientId, keys);
    }

    [Fact]
    public async Task An_assertion_signed_with_the_registered_key_gets_a_token_once_and_its_replay_is_refused()
    {
        var (clientId, keys) = await AgencyWithKeyAsync();
        var client = portal.CreateClient();
        var assertion = keys.Assertion(clientId, portal.Clock.GetUtcNow());

        var first = await Tokens.RequestWithAssertionAsync(client, clientId, assertion);
        var replay = await Tokens.RequestWithAssertionAsync(client, clientId, assertion);
        var fresh = await Tokens.RequestWithAssertionAsync(client, clientId, keys.Assertion(clientId, portal.Clock.GetUtcNow()));

        Assert.True(first.Status == HttpStatusCode.OK, first.Text);
        Assert.Equal(clientId, new JsonWebToken(first.AccessToken).Subject);
        Assert.Equal("invalid_client", replay.Error);
        Assert.Null(replay.AccessToken);
        Assert.True(fresh.Status == HttpStatusCode.OK, fresh.Text);
    }

    [Fact]
    public async Task The_audience_must_be_the_issuer_not_the_token_endpoint_nor_a_generic_jwt()
    {
        var (clientId, keys) = await AgencyWithKeyAsync();
        var client = portal.CreateClient();
        var now = portal.Clock.GetUtcNow();

        var withoutSlash = await Tokens.RequestWithAssertionAsync(client, clientId, keys.Assertion(clientId, now, audience: "http://localhost"));
        var tokenEndpoint = await Tokens.RequestWithAssertionAsync(client, clientId, keys.Assertion(clientId, now, audience: "http://localhost/connect/token"));
        var otherHost = await Tokens.RequestWithAssertionAsync(client, clientId, keys.Assertion(clientId, now, audience: "http://evil.example/"));

        Assert.True(withoutSlash.Status == HttpStatusCode.OK, withoutSlash.Text);
        Assert.Null(tokenEndpoint.AccessToken); // OpenIddict 7 follows RFC 7523bis: the issuer only
        Assert.Null(otherHost.AccessToken);
    }

    [Fact]
    public async Task Assertions_signed_by_another_key_expired_without_jti_or_living_an_hour_are_refused()
    {
        var (clientId, keys) = await AgencyWithKeyAsync();
        using var stranger = new AgencyKeys(keys.KeyId); // same key id, another key
        var client = portal.CreateClient();
        var now = portal.Clock.GetUtcNow();

        var otherKey = await Tokens.RequestWithAssertionAsync(client, clientId, stranger.Assertion(clientId, now));
        var expired = await Tokens.RequestWithAssertionAsync(client, clientId, keys.Assertion(clientId, now - TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(5)));
        var noJti = await Tokens.RequestWithAssertionAsync(client, clientId, keys.Assertion(clientId, now, jti: null));
        var anHour = await Tokens.RequestWithAssertionAsync(client, clientId, keys.Assertion(clientId, now, TimeSpan.FromHours(1)));
        var otherAudience = await Tokens.RequestWithAssertionAsync(client, clientId, keys.Assertion(clientId, now, audience: "http://localhost/other"));
        var otherClient = await AgencyClients.RegisterAsync(portal);
        var forAnother = await Tokens.RequestWithAssertionAsync(client, otherClient.ClientId, keys.Assertion(otherClient.ClientId, now));

        Assert.All([otherKey, expired, noJti, anHour, otherAudience, forAnother], refused =>
        {
            Assert.True(refused.Status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, refused.Text);
            Assert.Contains(refused.Error, new[] { "invalid_client", "invalid_grant", "invalid_request", "invalid_token" });
            Assert.Null(refused.AccessToken);
        });
        Assert.Equal("invalid_client", noJti.Error);
        Assert.Equal("invalid_client", anHour.Error);
    }

    [Fact]
    public async Task A_junk_assertion_is_refused_without_a_500()
    {
        var (clientId, _) = await AgencyWithKeyAsync();
        var client = portal.CreateClient();

        var junk = await Tokens.RequestWithAssertionAsync(client, clientId, "not.a.jwt");
        var nul = await Tokens.RequestWithAssertionAsync(client, clientId, "\0\0\0");
        var huge = await Tokens.RequestWithAssertionAsync(client, clientId, new string('e', 1_000_000));

        Assert.All([junk, nul, huge], refused =>
        {
            Assert.InRange((int)refused.Status, 400, 499);
            Assert.Null(refused.AccessToken);
        });
    }
}
