using CertificateInquiry.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.Infrastructure;

/// <summary>
/// The databases every <see cref="PortalFactory"/> starts from, made once per test run and copied for each portal: a file
/// copy instead of running the migrations (and, for the demo portals, importing the 3000 demo certificates) per test
/// class. The empty one is migrated by the portal's own context with whatever migrations the build holds; the demo one is
/// seeded by a portal started on a copy of it, through the same import as the portal's first start. Each portal gets its
/// own copy, so tests stay as isolated as with a database of their own. The portal's start-up migration is still
/// exercised: by the command tests, which run the real executable on an empty folder.
/// </summary>
internal static class TemplateDatabases
{
    private static readonly Lazy<string> Folder = new(CreateFolder);
    private static readonly Lazy<string> Empty = new(CreateEmpty);
    private static readonly Lazy<string> Demo = new(CreateDemo);

    /// <summary>Puts a fresh copy of the migrated database (with the demo data if asked) at <paramref name="path"/>.</summary>
    public static void CopyTo(string path, bool withDemoData) => File.Copy(withDemoData ? Demo.Value : Empty.Value, path);

    private static string CreateFolder()
    {
        var folder = Directory.CreateTempSubdirectory("ci-tests-templates-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // The OS temp cleaner takes it.
            }
        };
        return folder;
    }

    private static string CreateEmpty()
    {
        var path = Path.Combine(Folder.Value, "empty.db");
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options;
        using (var db = new SqliteAppDbContext(options))
        {
            db.Database.Migrate();

            // What the portal's start-up does after migrating; the mode is stored in the file.
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }

        return Closed(path);
    }

    private static string CreateDemo()
    {
        string path;
        using (var seeding = new DemoSeedingPortal())
        {
            _ = seeding.Services; // starts the portal, which seeds its empty copy
            path = seeding.DatabasePath;
        }

        var demo = Path.Combine(Folder.Value, "demo.db");
        ForgetJobLeases(path);
        File.Copy(Closed(path), demo);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        return demo;
    }

    // The seeding portal's periodic jobs ran once and left their leases (ADR-038): a test's portal must find each job
    // due at its start, as a fresh installation does, not an hour later.
    private static void ForgetJobLeases(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM \"JobLeases\";";
        command.ExecuteNonQuery();
    }

    // Folds the write-ahead log into the file, so that a copy of the file alone holds everything.
    private static string Closed(string path)
    {
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            command.ExecuteNonQuery();
        }

        if (File.Exists(path + "-wal") && new FileInfo(path + "-wal").Length > 0)
        {
            throw new InvalidOperationException($"The template database {path} still has a write-ahead log after closing.");
        }

        return path;
    }

    private sealed class DemoSeedingPortal : PortalFactory
    {
        protected override bool SeedDemoData => true;

        protected override bool DeleteFolderOnDispose => false;

        private protected override bool FromDemoTemplate => false;
    }
}
