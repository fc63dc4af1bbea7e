using System.Net;
using System.Text;
using CertificateInquiry.IntegrationTests.Admin;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Agencies;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CertificateInquiry.IntegrationTests.Agencies;

/// <summary>
/// <c>POST /connect/token</c> with client secrets: who gets a token and who does not, rotation, suspension and expiry,
/// scopes, forged headers and junk.
/// </summary>
public sealed class AgencyTokenTests(AdminPortal portal) : IClassFixture<AdminPortal>
{
    [Fact]
    public async Task A_live_secret_gets_a_short_lived_token_with_all_the_agencys_scopes_when_none_is_named()
    {
        var agency = await AgencyClients.RegisterAsync(portal, AgencyScopes.Verify | AgencyScopes.Batch);

        var response = await Tokens.RequestAsync(portal.CreateClient(), agency.ClientId, agency.ClientSecret);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var token = new JsonWebToken(response.AccessToken);
        Assert.Equal(agency.ClientId, token.Subject);
        Assert.Equal(agency.AgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture), token.GetClaim(AgencyClaims.AgencyId).Value);
        Assert.Equal(["batch", "inquiry.verify"], response.Scope!.Split(' ').Order(StringComparer.Ordinal));
        Assert.Equal(["batch", "inquiry.verify"], Tokens.Scopes(response.AccessToken!));
        Assert.InRange(token.ValidTo - token.IssuedAt, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        Assert.DoesNotContain(agency.ClientSecret, response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_named_scope_is_granted_alone_and_a_scope_the_agency_lacks_is_invalid_scope()
    {
        var agency = await AgencyClients.RegisterAsync(portal, AgencyScopes.Verify);
        var client = portal.CreateClient();

        var verify = await Tokens.RequestAsync(client, agency.ClientId, agency.ClientSecret, "inquiry.verify");
        var person = await Tokens.RequestAsync(client, agency.ClientId, agency.ClientSecret, "inquiry.verify inquiry.person");
        var unknown = await Tokens.RequestAsync(client, agency.ClientId, agency.ClientSecret, "admin");

        Assert.Equal(HttpStatusCode.OK, verify.Status);
        Assert.Equal(["inquiry.verify"], Tokens.Scopes(verify.AccessToken!));
        Assert.Equal("invalid_scope", person.Error);
        Assert.Null(person.AccessToken);
        Assert.Equal("invalid_scope", unknown.Error);
    }

    [Fact]
    public async Task A_wrong_secret_an_unknown_client_and_a_revoked_secret_get_invalid_client()
    {
        var agency = await AgencyClients.RegisterAsync(portal);
        var other = await AgencyClients.RegisterAsync(portal);
        var client = portal.CreateClient();
        var revoked = await AgencyClients.RegisterAsync(portal);
        var secretId = await portal.WithDatabaseAsync(db =>
            Task.FromResult(db.AgencyClientSecrets.Single(s => s.AgencyClientId == revoked.AgencyId).Id));
        var before = await Tokens.RequestAsync(client, revoked.ClientId, revoked.ClientSecret);
        Assert.True(await AgencyClients.WithRegistryAsync(portal, registry => registry.RevokeSecretAsync(revoked.AgencyId, secretId, CancellationToken.None)));

        var wrong = await Tokens.RequestAsync(client, agency.ClientId, agency.ClientSecret + "x");
        var othersSecret = await Tokens.RequestAsync(client, agency.ClientId, other.ClientSecret);
        var unknown = await Tokens.RequestAsync(client, "tvto-00000000000000000000", agency.ClientSecret);
        var noSecret = await Tokens.RequestAsync(client, agency.ClientId, "");
        var afterRevoke = await Tokens.RequestAsync(client, revoked.ClientId, revoked.ClientSecret);

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal("invalid_request", noSecret.Error); // OpenIddict: a confidential client must authenticate
        Assert.Null(noSecret.AccessToken);
        Assert.All([wrong, othersSecret, unknown, afterRevoke], refused =>
        {
            Assert.Equal("invalid_client", refused.Error);
            Assert.Null(refused.AccessToken);
        });
    }

    [Fact]
    public async Task After_a_rotation_the_old_and_new_secrets_both_work_until_the_overlap_ends_then_only_the_new_one()
    {
        var agency = await AgencyClients.RegisterAsync(portal);
        var client = portal.CreateClient();

        var rotated = (await AgencyClients.WithRegistryAsync(portal, registry => registry.IssueSecretAsync(agency.AgencyId, CancellationToken.None)))!;
        var oldDuring = await Tokens.RequestAsync(client, agency.ClientId, agency.ClientSecret);
        var newDuring = await Tokens.RequestAsync(client, agency.ClientId, rotated.ClientSecret);
        portal.Clock.Advance(AgencyRegistry.RotationOverlap - TimeSpan.FromMinutes(1));
        var oldJustBefore = await Tokens.RequestAsync(client, agency.ClientId, agency.ClientSecret);
        portal.Clock.Advance(TimeSpan.FromMinutes(2));
        var oldAfter = await Tokens.RequestAsync(client, agency.ClientId, agency.ClientSecret);
        var newAfter = await Tokens.RequestAsync(client, agency.ClientId, rotated.ClientSecret);

        Assert.NotEqual(agency.ClientSecret, rotated.ClientSecret);
        Assert.Equal(agency.ClientId, rotated.ClientId);
        Assert.Equal(HttpStatusCode.OK, oldDuring.Status);
        Assert.Equal(HttpStatusCode.OK, newDuring.Status);
        Assert.Equal(HttpStatusCode.OK, oldJustBefore.Status);
        Assert.Equal("invalid_client", oldAfter.Error);
        Assert.Equal(HttpStatusCode.OK, newAfter.Status);
    }

    [Fact]
    public async Task A_suspended_agency_and_an_expired_agency_get_no_token_and_a_reinstated_one_does_again()
    {
        var suspended = await AgencyClients.RegisterAsync(portal);
        var expired = await AgencyClients.RegisterAsync(portal, expiresInDays: -1);
        var lastDay = await AgencyClients.RegisterAsync(portal, expiresInDays: 0);
        var client = portal.CreateClient();
        await AgencyClients.WithRegistryAsync(portal, registry => registry.SuspendAsync(suspended.AgencyId, "قرارداد پایان یافت", CancellationToken.None));

        var whileSuspended = await Tokens.RequestAsync(client, suspended.ClientId, suspended.ClientSecret);
        var afterExpiry = await Tokens.RequestAsync(client, expired.ClientId, expired.ClientSecret);
        var onLastDay = await Tokens.RequestAsync(client, lastDay.ClientId, lastDay.ClientSecret);
        await AgencyClients.WithRegistryAsync(portal, registry => registry.ReinstateAsync(suspended.AgencyId, CancellationToken.None));
        var reinstated = await Tokens.RequestAsync(client, suspended.ClientId, suspended.ClientSecret);

        Assert.Equal("invalid_client", whileSuspended.Error);
        Assert.Null(whileSuspended.AccessToken);
        Assert.Equal("invalid_client", afterExpiry.Error);
        Assert.Equal(HttpStatusCode.OK, onLastDay.Status); // the expiry day itself still works (Iran time)
        Assert.Equal(HttpStatusCode.OK, reinstated.Status);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("authorization_code")]
    [InlineData("refresh_token")]
    [InlineData("urn:ietf:params:oauth:grant-type:device_code")]
    public async Task Grants_other_than_client_credentials_are_unsupported(string grantType)
    {
        var agency = await AgencyClients.RegisterAsync(portal);

        var response = await Tokens.PostAsync(portal.CreateClient(), new Dictionary<string, string>
        {
            ["grant_type"] = grantType,
            ["client_id"] = agency.ClientId,
            ["client_secret"] = agency.ClientSecret,
            ["username"] = "admin",
            ["password"] = "admin",
            ["code"] = "x",
            ["refresh_token"] = "x",
            ["device_code"] = "x",
            ["redirect_uri"] = "http://localhost/cb",
        });

        Assert.Equal("unsupported_grant_type", response.Error);
        Assert.Null(response.AccessToken);
    }

    [Theory]
    [InlineData("Host", "evil.example")]
    [InlineData("X-Forwarded-Host", "evil.example")]
    [InlineData("X-Forwarded-Proto", "https")]
    public async Task The_tokens_issuer_is_the_configured_public_address_whatever_the_request_says(string header, string value)
    {
        var agency = await AgencyClients.RegisterAsync(portal);
        using var request = new HttpRequestMessage(HttpMethod.Post, Tokens.Endpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = agency.ClientId,
                ["client_secret"] = agency.ClientSecret,
            }),
        };
        if (header == "Host")
        {
            request.Headers.Host = value;
        }
        else
        {
            request.Headers.Add(header, value);
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        }

        var response = await Tokens.ReadAsync(await portal.CreateClient().SendAsync(request));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("http://localhost/", new JsonWebToken(response.AccessToken).Issuer);
    }

    public static TheoryData<string, string> JunkBodies => new()
    {
        { "application/x-www-form-urlencoded", "grant_type=client_credentials&client_id=%00%00&client_secret=%00" },
        { "application/x-www-form-urlencoded", "grant_type=%00&client_id=tvto-x&client_secret=y" },
        { "application/x-www-form-urlencoded", "grant_type=client_credentials&client_id=" + Uri.EscapeDataString("تی‌وی‌تی‌او-۱۲۳") + "&client_secret=%D9%A1%D9%A2" },
        { "application/x-www-form-urlencoded", "grant_type=client_credentials&grant_type=password&client_id=a&client_secret=b" },
        { "application/x-www-form-urlencoded", "%%%%&&==&=" },
        { "application/x-www-form-urlencoded", "" },
        { "application/json", """{"grant_type":"client_credentials","client_id":"a","client_secret":"b"}""" },
        { "text/plain", "grant_type=client_credentials" },
        { "multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\nclient_credentials\r\n--xyz--\r\n" },
    };

    [Theory]
    [MemberData(nameof(JunkBodies))]
    public async Task Junk_bodies_get_an_oauth_error_never_a_500(string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await Tokens.PostAsync(portal.CreateClient(), content);

        Assert.InRange((int)response.Status, 400, 499);
        Assert.Null(response.AccessToken);
    }

    [Fact]
    public async Task Five_megabyte_values_and_a_get_request_never_give_a_500()
    {
        var agency = await AgencyClients.RegisterAsync(portal);
        var client = portal.CreateClient();
        var huge = new string('a', 5 * 1024 * 1024);

        var hugeSecret = await Tokens.RequestAsync(client, agency.ClientId, huge);
        var hugeClientId = await Tokens.RequestAsync(client, huge, agency.ClientSecret);
        var hugeScope = await Tokens.RequestAsync(client, agency.ClientId, agency.ClientSecret, huge);
        var get = await client.GetAsync(Tokens.Endpoint + "?grant_type=client_credentials&client_id=" + agency.ClientId + "&client_secret=" + agency.ClientSecret);

        Assert.All([hugeSecret, hugeClientId, hugeScope], refused =>
        {
            Assert.InRange((int)refused.Status, 400, 499);
            Assert.Null(refused.AccessToken);
        });
        Assert.InRange((int)get.StatusCode, 400, 499);
    }
}
