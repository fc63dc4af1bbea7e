using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Infrastructure;

/// <summary>
/// One "server" of a portal whose short-lived state is in Redis (ADR-037): its own SQLite file, as a second web server
/// has its own process, but the Redis, key prefix and secrets every server of one portal shares (the audit's address
/// key, so that a client has one hash everywhere; the CAPTCHA's signing secret). Each test client names its address
/// in <see cref="TestClientAddress.Header"/>.
/// </summary>
public sealed class RedisPortal(string redis, string keyPrefix, IReadOnlyDictionary<string, string?> settings) : PortalFactory
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(settings)
    {
        ["Redis:Configuration"] = redis,
        ["Redis:KeyPrefix"] = keyPrefix,
        ["Audit:ClientAddressKey"] = "shared-state-tests-address-key",
        ["Captcha:Secret"] = "shared-state-tests-captcha-secret",
        ["Captcha:Difficulty"] = "1",
    };

    /// <summary>A client of this server at <paramref name="address"/>.</summary>
    public HttpClient ClientAt(string address)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, TestClientAddress>());
    }
}
