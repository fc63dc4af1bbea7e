using System.Net;
using System.Text.Json;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Infrastructure.Signing;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.AnswerVerification;

/// <summary>/.well-known/jwks.json: what an agency downloads once to check signed answers offline.</summary>
public sealed class PublishedKeysTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_key_set_is_public_cached_for_hours_and_holds_no_private_part()
    {
        var response = await portal.CreateClient().GetAsync("/.well-known/jwks.json");
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/jwk-set+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.Public, "the key set is not publicly cacheable");
        Assert.Equal(TimeSpan.FromHours(3), response.Headers.CacheControl.MaxAge);
        using var document = JsonDocument.Parse(json);
        var key = Assert.Single(document.RootElement.GetProperty("keys").EnumerateArray());
        Assert.False(key.TryGetProperty("d", out _), "the published key holds its private part");
        Assert.Equal(["alg", "crv", "kid", "kty", "use", "x", "y"], key.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("ES256", key.GetProperty("alg").GetString());
    }

    [Fact]
    public async Task An_answer_the_running_portal_signed_verifies_with_the_downloaded_key_set()
    {
        const string answer = "{\"certificate\":\"1402-04-000102\",\"status\":\"معتبر\"}";
        var signer = portal.Services.GetRequiredService<AnswerSigner>();
        var jws = signer.Sign(answer);

        var jwks = await portal.CreateClient().GetStringAsync("/.well-known/jwks.json");

        Assert.Equal(answer, JwsVerifier.Verify(jws, jwks));
        Assert.Equal(signer.CurrentKeyId, JwsVerifier.Header(jws, "kid"));
    }
}

/// <summary>The keys of settings: published current first, the retired one too; Production refuses to start without any.</summary>
public sealed class ConfiguredKeysTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ci-keys-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Configured_current_and_retired_keys_are_both_published_and_the_current_one_signs()
    {
        var retiredPath = TestSigningKey.WritePem(folder, "retired.pem");
        using var retiredPortal = new KeyedPortal(new Dictionary<string, string?>
        {
            ["AnswerSigning:Keys:0:Path"] = retiredPath,
            ["AnswerSigning:Keys:0:Status"] = "Current",
        });
        var signedBefore = retiredPortal.Services.GetRequiredService<AnswerSigner>().Sign("{\"n\":1}");
        var retiredKeyId = JwsVerifier.Header(signedBefore, "kid");

        using var rotatedPortal = new KeyedPortal(new Dictionary<string, string?>
        {
            ["AnswerSigning:Keys:0:Path"] = TestSigningKey.WritePem(folder, "current.pem"),
            ["AnswerSigning:Keys:0:Status"] = "Current",
            ["AnswerSigning:Keys:1:Path"] = retiredPath,
            ["AnswerSigning:Keys:1:Status"] = "Retired",
        });
        var jwks = await rotatedPortal.CreateClient().GetStringAsync("/.well-known/jwks.json");
        var signer = rotatedPortal.Services.GetRequiredService<AnswerSigner>();
        var signedAfter = signer.Sign("{\"n\":2}");

        using var document = JsonDocument.Parse(jwks);
        Assert.Equal([signer.CurrentKeyId, retiredKeyId], document.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()));
        Assert.Equal("{\"n\":1}", JwsVerifier.Verify(signedBefore, jwks));
        Assert.Equal("{\"n\":2}", JwsVerifier.Verify(signedAfter, jwks));
        Assert.Equal(AnswerKeyStatus.Retired, signer.Check(signedBefore).KeyStatus);
        Assert.DoesNotContain("\"d\"", jwks, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_refuses_to_start_without_answer_signing_keys()
    {
        using var production = new KeyedPortal(new Dictionary<string, string?> { ["Portal:PublicAddress"] = "https://estelam.tvto.example" }, "Production");

        var failure = Assert.ThrowsAny<Exception>(() => production.Server);

        Assert.Contains("AnswerSigning:Keys", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_key_file_that_is_missing_stops_the_start()
    {
        using var portal = new KeyedPortal(new Dictionary<string, string?>
        {
            ["AnswerSigning:Keys:0:Path"] = Path.Combine(folder, "absent.pem"),
            ["AnswerSigning:Keys:0:Status"] = "Current",
        });

        var failure = Assert.ThrowsAny<Exception>(() => portal.Server);

        Assert.Contains("AnswerSigning:Keys:0:Path", failure.ToString(), StringComparison.Ordinal);
    }

    private sealed class KeyedPortal(IReadOnlyDictionary<string, string?> settings, string? environment = null) : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => settings;

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (environment is not null)
            {
                Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseEnvironment(builder, environment);
            }
        }
    }
}
