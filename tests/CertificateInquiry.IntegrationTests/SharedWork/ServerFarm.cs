using CertificateInquiry.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.SharedWork;

/// <summary>
/// Where the shared-background-work tests get their servers: several portals on one database (and one data folder, as
/// on shared storage). The tests take a farm, so the same tests run on SQLite (<see cref="SqliteServerFarm"/>) and on a
/// server database (a PostgreSQL farm gives each test its own database and passes its connection in the settings).
/// </summary>
public abstract class ServerFarm
{
    /// <summary>The first server, on a fresh database; dispose it last (it owns the folder).</summary>
    public abstract PortalFactory First(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null);

    /// <summary>Another server on <paramref name="first"/>'s database and data folder.</summary>
    public abstract PortalFactory Another(PortalFactory first, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null);
}
