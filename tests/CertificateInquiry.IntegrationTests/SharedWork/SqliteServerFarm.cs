using CertificateInquiry.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.SharedWork;

/// <summary>Servers on one SQLite file: the default farm.</summary>
public sealed class SqliteServerFarm : ServerFarm
{
    public override PortalFactory First(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        new FarmPortal(settings, services, sharing: null);

    public override PortalFactory Another(PortalFactory first, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _ = first.Services; // started: its database file exists before another server opens it
        return new FarmPortal(settings, services, sharing: (FarmPortal)first);
    }
}
