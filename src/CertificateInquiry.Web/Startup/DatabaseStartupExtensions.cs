using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Features.CertificateImport;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Startup;

public static class DatabaseStartupExtensions
{
    /// <summary>
    /// Applies migrations (unless switched off) and, on SQLite or PostgreSQL, seeds demo data once when asked; in Development,
    /// when <c>Staff:SeedDemoUsers</c> is on, creates the demo staff users that are missing.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool seedDemoData = true)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILogger<AppDbContext>>();

        if (options.MigrateOnStartup)
        {
            await MigrationHistoryCheck.EnsureSameChainAsync(db.Database, app.Lifetime.ApplicationStopping);
            await db.Database.MigrateAsync(app.Lifetime.ApplicationStopping);
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                // Write-ahead logging lets lookups read while an import or a request writes; it is stored in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", app.Lifetime.ApplicationStopping);
            }

            logger.LogInformation("Database migrated ({Provider})", options.Provider);
        }

        // Never on SQL Server, the production default; PostgreSQL gets them for the local cluster and its tests.
        if (seedDemoData && options.SeedDemoData && options.Provider != DatabaseProvider.SqlServer)
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedIfEmptyAsync(app.Lifetime.ApplicationStopping);
        }

        // Never outside Development, whatever the settings say: no password ships for a real server.
        if (seedDemoData && app.Environment.IsDevelopment()
            && scope.ServiceProvider.GetRequiredService<IOptions<StaffOptions>>().Value.SeedDemoUsers)
        {
            await scope.ServiceProvider.GetRequiredService<StaffDemoUsers>().SeedMissingAsync(app.Lifetime.ApplicationStopping);
        }
    }
}
