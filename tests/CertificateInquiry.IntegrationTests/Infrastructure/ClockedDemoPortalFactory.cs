using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Infrastructure;

/// <summary>The demo portal with a clock the test moves (retention, token lifetimes, quota blocks).</summary>
public class ClockedDemoPortalFactory : PortalFactory
{
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override bool SeedDemoData => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The clocked demo portal on PostgreSQL.</summary>
public sealed class PostgreSqlClockedDemoPortalFactory : ClockedDemoPortalFactory
{
    protected internal override bool OnPostgreSql => true;
}
