using CertificateInquiry.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.SharedWork;

/// <summary>Servers on one PostgreSQL database of the test's own (a copy of the migrated template), as behind a load balancer.</summary>
public sealed class PostgreSqlServerFarm : ServerFarm
{
    private PostgreSqlServerFarm()
    {
    }

    /// <summary>The farm, or the running test skipped when no PostgreSQL server is named (CI_POSTGRES).</summary>
    public static PostgreSqlServerFarm OrSkip()
    {
        PostgreSqlVariant.SkipUnlessConfigured();
        return new PostgreSqlServerFarm();
    }

    public override PortalFactory First(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        new FarmPortal(settings, services, sharing: null, onPostgreSql: true);

    public override PortalFactory Another(PortalFactory first, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _ = first.Services; // started: the first server's database is made before another server uses it
        return new FarmPortal(settings, services, sharing: (FarmPortal)first, onPostgreSql: true);
    }
}
