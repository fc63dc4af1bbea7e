using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.IntegrationTests.Operations;

public class OperationsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [SkippableFact]
    public async Task Health_reports_healthy_when_the_database_answers()
    {
        var response = await portal.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task The_thirty_one_provinces_are_seeded()
    {
        _ = portal.Server;
        var names = await portal.WithDatabaseAsync(db => db.Provinces.OrderBy(p => p.Id).Select(p => p.Name).ToListAsync());

        Assert.Equal(31, names.Count);
        Assert.Equal("آذربایجان شرقی", names[0]);
        Assert.Contains("سیستان و بلوچستان", names);
        Assert.Equal("یزد", names[^1]);
    }

    [SkippableFact]
    public async Task Data_protection_keys_are_kept_in_the_database_for_every_server()
    {
        _ = portal.Server;
        var protector = portal.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        var secret = protector.Protect("برای همه سرورها");

        Assert.True(await portal.WithDatabaseAsync(db => db.DataProtectionKeys.AnyAsync()));
        Assert.Equal("برای همه سرورها", protector.Unprotect(secret));
    }

    public sealed class PostgreSql(PostgreSqlPortalFactory portal)
        : OperationsTests(PostgreSqlVariant.Of<PortalFactory>(portal)), IClassFixture<PostgreSqlPortalFactory>;
}

public sealed class ForwardedHeadersFromConfiguredProxyTests : IDisposable
{
    private readonly ProxyPortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public void Named_proxies_and_networks_are_the_only_ones_believed()
    {
        _ = portal.Server;
        var options = portal.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        Assert.Equal([IPAddress.Parse("10.0.0.5")], options.KnownProxies);
        Assert.Equal("10.1.0.0/16", Assert.Single(options.KnownIPNetworks).ToString());
    }

    private sealed class ProxyPortalFactory : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
            ["ForwardedHeaders:KnownNetworks:0"] = "10.1.0.0/16",
        };
    }
}
