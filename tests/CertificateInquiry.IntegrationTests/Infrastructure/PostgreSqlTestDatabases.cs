using System.Globalization;
using CertificateInquiry.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CertificateInquiry.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL databases of the portals that run on PostgreSQL (<see cref="PortalFactory.OnPostgreSql"/>). The server
/// is named by the environment variable <c>CI_POSTGRES</c>: a connection string to an existing database on a server
/// where its role may create and drop databases. Every database made here is named after that one plus a suffix (so
/// <c>Database=ci_tests</c> makes <c>ci_tests_…</c>). Once per test run the migrated template is made (and from it, when
/// a test asks, the demo template, seeded by a portal as on its first start); each portal then gets its own
/// <c>CREATE DATABASE … TEMPLATE …</c> copy, dropped when the portal is disposed. Without the variable the PostgreSQL
/// tests are skipped, saying so.
/// </summary>
internal static class PostgreSqlTestDatabases
{
    public const string Variable = "CI_POSTGRES";

    public const string SkipReason =
        Variable + " is not set: set it to a PostgreSQL connection string whose role may create and drop databases "
        + "(.ci/run does) to run the PostgreSQL variants of these tests.";

    private static readonly string? Server = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;
    private static readonly string Run = Guid.NewGuid().ToString("N")[..8];
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Made = [];
    private static readonly Lazy<string> Empty = new(CreateEmpty);
    private static readonly Lazy<string> Demo = new(CreateDemo);
    private static int counter;

    static PostgreSqlTestDatabases() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DropAll();

    public static bool Configured => Server is not null;

    /// <summary>Skips the running test (a [SkippableFact]) when no server is named.</summary>
    public static void SkipUnlessConfigured() => Skip.If(Server is null, SkipReason);

    /// <summary>A new database holding a copy of the migrated (or demo) template; its name.</summary>
    public static string CreateFromTemplate(bool withDemoData) =>
        CreateDatabase(withDemoData ? Demo.Value : Empty.Value, "p" + Interlocked.Increment(ref counter).ToString(CultureInfo.InvariantCulture));

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(ServerOrSkip()) { Database = database }.ConnectionString;

    public static void Drop(string database)
    {
        // The portal's pool keeps idle connections to it; FORCE ends any that are left.
        ClearPools(database);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Execute($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
                break;
            }
            catch (PostgresException refused) when (refused.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 5)
            {
                // FORCE may end only this role's sessions, and an autovacuum worker (which a copy that had rows rolled
                // back soon gets) belongs to no role. A plain DROP asks such a worker to stop and waits for it; it is
                // refused in turn while one of this role's sessions is still there, and FORCE gets another turn.
                try
                {
                    Execute($"DROP DATABASE IF EXISTS \"{database}\"");
                    break;
                }
                catch (PostgresException inUse) when (inUse.SqlState == PostgresErrorCodes.ObjectInUse)
                {
                }
            }
        }

        lock (Gate)
        {
            Made.Remove(database);
        }
    }

    private static string ServerOrSkip() => Server ?? throw new SkipException(SkipReason);

    private static string CreateEmpty()
    {
        var name = CreateDatabase(null, "tpl_empty");
        var options = new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql(ConnectionString(name)).Options;
        using (var db = new PostgreSqlAppDbContext(options))
        {
            db.Database.Migrate();
        }

        return Released(name);
    }

    private static string CreateDemo()
    {
        var name = CreateDatabase(Empty.Value, "tpl_demo");
        using (var seeding = new DemoSeedingPortal(name))
        {
            _ = seeding.Services; // starts the portal, which seeds its database
        }

        return Released(name);
    }

    private static string CreateDatabase(string? template, string suffix)
    {
        var prefix = new NpgsqlConnectionStringBuilder(ServerOrSkip()).Database ?? "postgres";
        var name = $"{prefix}_{Run}_{suffix}".ToLowerInvariant();

        // CREATE DATABASE refuses a template that another session is copying or connected to: one at a time.
        lock (Gate)
        {
            Execute(template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
            Made.Add(name);
        }

        return name;
    }

    // A template must have no connection open: the pool's idle ones are closed.
    private static string Released(string database)
    {
        ClearPools(database);
        return database;
    }

    // A pool is per connection string: the one the tests open, and the portal's own (its defaults added).
    private static void ClearPools(string database)
    {
        foreach (var connectionString in new[] { ConnectionString(database), PostgreSqlConnectionStrings.WithPortalDefaults(ConnectionString(database)) })
        {
            using var pooled = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(pooled);
        }
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ServerOrSkip());
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Names made here from a GUID and constants.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    private static void DropAll()
    {
        string[] left;
        lock (Gate)
        {
            left = [.. Made];
        }

        // Copies first, templates last.
        foreach (var database in left.OrderBy(name => name.Contains("_tpl_", StringComparison.Ordinal)))
        {
            try
            {
                Drop(database);
            }
#pragma warning disable CA1031 // The process is ending: one that cannot be dropped must not keep the others.
            catch (Exception)
#pragma warning restore CA1031
            {
                // The server went away first, or a connection is still closing: nothing more to do here.
            }
        }
    }

    private sealed class DemoSeedingPortal(string database) : PortalFactory
    {
        protected override bool SeedDemoData => true;

        protected internal override bool OnPostgreSql => true;

        private protected override bool FromDemoTemplate => false;

        private protected override string CreatePostgreSqlDatabase() => database;

        private protected override bool DropPostgreSqlDatabaseOnDispose => false;
    }
}
