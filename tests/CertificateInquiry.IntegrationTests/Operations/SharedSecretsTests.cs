using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Startup;
using Microsoft.AspNetCore.Hosting;

namespace CertificateInquiry.IntegrationTests.Operations;

/// <summary>
/// A Production server that shares Redis with others refuses to start while one of the secrets every server must share
/// is left to be made up at start-up (a staging copy too); alone (no Redis) it may.
/// </summary>
public sealed class SharedSecretsTests
{
    // Nothing listens there: the check runs before anything asks Redis.
    private const string UnreachableRedis = "127.0.0.1:1,abortConnect=false,connectTimeout=200";

    private static readonly Dictionary<string, string?> AllSecrets = new()
    {
        ["Captcha:Secret"] = "shared-captcha-secret-for-the-test",
        ["Audit:ClientAddressKey"] = "shared-audit-key-for-the-test",
        ["Verification:CodeKey"] = "shared-code-key-for-the-test",
    };

    [Theory]
    [InlineData("Captcha:Secret")]
    [InlineData("Audit:ClientAddressKey")]
    [InlineData("Verification:CodeKey")]
    public void A_server_of_a_cluster_refuses_to_start_without_each_shared_secret_and_names_it(string missing)
    {
        var settings = new Dictionary<string, string?>(AllSecrets) { ["Redis:Configuration"] = UnreachableRedis, [missing] = "" };
        using var portal = new StagingPortal(settings);

        var failure = Assert.ThrowsAny<Exception>(() => portal.Server).ToString();

        Assert.Contains($"{missing} is not set", failure, StringComparison.Ordinal);
        Assert.Contains("docs/operations.md", failure, StringComparison.Ordinal);
        Assert.Equal(AllSecrets.Keys.Order(StringComparer.Ordinal), ProductionReadinessExtensions.SharedSecrets.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void With_every_shared_secret_a_server_of_a_cluster_starts_and_alone_it_needs_none()
    {
        using var clustered = new StagingPortal(new Dictionary<string, string?>(AllSecrets) { ["Redis:Configuration"] = UnreachableRedis });
        using var alone = new StagingPortal(new Dictionary<string, string?>());

        Assert.NotNull(clustered.Server);
        Assert.NotNull(alone.Server);
    }

    /// <summary>Production with the sandbox and the log sender: a staging copy, which the provider checks let through.</summary>
    private sealed class StagingPortal(IReadOnlyDictionary<string, string?> settings) : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?>(settings) { ["Payments:Sandbox:Enabled"] = "true" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            foreach (var (key, value) in ProductionTestKeys.Settings(Folder).Where(s => !settings.ContainsKey(s.Key)))
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
