using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.Data.Schema;

public sealed class MigrationHistoryCheckTests
{
    [Fact]
    public void A_database_built_before_the_squash_stops_the_start_with_a_message_that_says_to_delete_it()
    {
        using var portal = new MigratingPortal();
        Execute(portal.ConnectionString, """
            CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
            INSERT INTO "__EFMigrationsHistory" VALUES ('20261124052200_Initial', '10.0.15'), ('20261206220842_Hardening', '10.0.15');
            CREATE TABLE "Provinces" ("Id" INTEGER NOT NULL PRIMARY KEY, "Name" TEXT NOT NULL);
            """);

        var failure = Assert.ThrowsAny<Exception>(() => portal.Server);

        var message = failure.ToString();
        Assert.Contains("فایل SQLite محیط توسعه را پاک کنید", message, StringComparison.Ordinal);
        Assert.Contains("20261206220842_Hardening", message, StringComparison.Ordinal);
        Assert.Contains("docs/decisions/ADR-021", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_history_that_holds_this_builds_initial_passes_even_with_a_later_migration_it_does_not_know()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).Options);
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "__EFMigrationsHistory" VALUES ('29991231000000_FromANewerBuild', '10.0.15')""");

        await MigrationHistoryCheck.EnsureSameChainAsync(db.Database, CancellationToken.None);

        Assert.Contains("29991231000000_FromANewerBuild", await db.Database.GetAppliedMigrationsAsync());
    }

    /// <summary>The test portals start from a migrated copy and skip migrating; the check runs where the migrations do.</summary>
    private sealed class MigratingPortal : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?> { ["Database:MigrateOnStartup"] = "true" };
    }

    private static void Execute(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The test's own constant SQL.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
