using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CertificateInquiry.IntegrationTests.SharedWork;

/// <summary>
/// One server of a farm: fast polls (<see cref="NotificationPortal.Fast"/>), the test's settings, and when
/// <paramref name="sharing"/> is given, that server's database and data folder (documents, audit journal). On
/// PostgreSQL the first server's database is the farm's: the others use it, and only the first drops it.
/// </summary>
public sealed class FarmPortal(
    IReadOnlyDictionary<string, string?>? settings, Action<IServiceCollection>? services, FarmPortal? sharing, bool onPostgreSql = false) : PortalFactory
{
    protected internal override bool OnPostgreSql => onPostgreSql;

    private protected override string CreatePostgreSqlDatabase() => sharing is null ? base.CreatePostgreSqlDatabase() : sharing.PostgreSqlDatabase();

    private protected override bool DropPostgreSqlDatabaseOnDispose => sharing is null && base.DropPostgreSqlDatabaseOnDispose;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings
    {
        get
        {
            var all = new Dictionary<string, string?>(NotificationPortal.Fast);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                all[key] = value;
            }

            if (sharing is not null)
            {
                all["ConnectionStrings:Default"] = sharing.ConnectionString;
                all["Database:DataFolder"] = sharing.Folder;
            }

            return all;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(collection =>
        {
            collection.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(1));
            services?.Invoke(collection);
        });
    }
}
