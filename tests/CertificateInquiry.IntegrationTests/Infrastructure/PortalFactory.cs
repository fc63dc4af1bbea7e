using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CertificateInquiry.IntegrationTests.Infrastructure;

/// <summary>
/// The real portal on its own SQLite file in a temporary folder (deleted afterwards), demo data off unless asked. The file
/// starts as a copy of the run's migrated (or demo) template (see <see cref="TemplateDatabases"/>), so the portal does not
/// migrate at start-up. A subclass that overrides <see cref="OnPostgreSql"/> runs it on a PostgreSQL database of its own
/// instead, copied from a template in the same way (see <see cref="PostgreSqlTestDatabases"/>); the uploads, logs and
/// keys still go to the temporary folder.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string folder = Directory.CreateTempSubdirectory("ci-tests-").FullName;

    private readonly Lock databaseGate = new();

    private string? postgreSqlDatabase;

    /// <summary>The SQLite file (SQLite only).</summary>
    public string DatabasePath => Path.Combine(folder, "portal.db");

    public string ConnectionString => OnPostgreSql
        ? PostgreSqlTestDatabases.ConnectionString(PostgreSqlDatabase())
        : $"Data Source={DatabasePath};Pooling=False";

    /// <summary>Runs the portal on PostgreSQL (the server named by <c>CI_POSTGRES</c>) instead of SQLite.</summary>
    protected internal virtual bool OnPostgreSql => false;

    public DatabaseProvider Provider => OnPostgreSql ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;

    /// <summary>Whether this portal can start here: false on PostgreSQL when no server is named (its tests skip).</summary>
    public bool Available => !OnPostgreSql || PostgreSqlTestDatabases.Configured;

    /// <summary>
    /// Skips the running test (a [SkippableFact]) when this portal needs a server that is not configured; test classes
    /// that run on both providers call it first (see PortalTests).
    /// </summary>
    public void SkipUnlessAvailable()
    {
        if (OnPostgreSql)
        {
            PostgreSqlTestDatabases.SkipUnlessConfigured();
        }
    }

    private protected string PostgreSqlDatabase()
    {
        // Tests that start several clients at once must not make two databases for one portal.
        lock (databaseGate)
        {
            return postgreSqlDatabase ??= CreatePostgreSqlDatabase();
        }
    }

    private protected virtual string CreatePostgreSqlDatabase() => PostgreSqlTestDatabases.CreateFromTemplate(withDemoData: FromDemoTemplate);

    private protected virtual bool DropPostgreSqlDatabaseOnDispose => DeleteFolderOnDispose;

    protected virtual bool SeedDemoData => false;

    /// <summary>Tests that read the database after the portal has stopped keep the folder and delete it themselves.</summary>
    protected virtual bool DeleteFolderOnDispose => true;

    public string Folder => folder;

    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    // The portal that makes the demo template seeds its own copy of the empty one.
    private protected virtual bool FromDemoTemplate => SeedDemoData;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        EnsureSqliteFile();
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Portal:PublicAddress", "http://localhost"); // the test client's own address
        builder.UseSetting("Database:SeedDemoData", SeedDemoData ? "true" : "false");
        builder.UseSetting("Database:MigrateOnStartup", "false"); // migrated already: a copy of the template

        // Uploaded documents go to the test's folder, never into the source tree; payments go through the sandbox
        // (switched on in CreateHost, once a subclass has chosen the environment).
        builder.UseSetting("Database:DataFolder", folder);
        builder.UseSetting("Portal:StagingCopy", "true"); // a test switched to Production may keep the log SMS sender
        builder.UseSetting("AgencyApi:RequireHttps", "false"); // the test client speaks plain HTTP
        builder.UseSetting("AgencyApi:TokenCertificatePath", ProductionTestKeys.WriteTokenCertificate(folder)); // Production requires one
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(folder, "logs", "portal-.log"));

        // Every test client shares one address; the throttling and CAPTCHA tests switch these back on.
        builder.UseSetting("RateLimiting:Enabled", "false");
        builder.UseSetting("Captcha:Enabled", "false");

        // The retention clean-up would run at each portal's start and again whenever a test moves a manual clock by
        // days, deleting the test's own old drafts and codes; its tests switch it back on (SharedWork/, ADR-038).
        builder.UseSetting("Retention:Enabled", "false");

        // Messages go to the development message log (see Messages), and the outbox is emptied within moments.
        builder.UseSetting("Sms:Provider", "Log");
        builder.UseSetting("Email:Provider", "Log");
        builder.UseSetting("Notifications:PollInterval", "00:00:00.200");
        builder.UseSetting("Audit:WriteInterval", "00:00:00.100");
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<Serilog.Core.ILogEventSink>(Log));
    }

    /// <summary>Everything the portal logged, at the levels its Serilog settings let through.</summary>
    public CapturedLog Log { get; } = new();

    /// <summary>Whether one event the portal logged holds every one of <paramref name="parts"/> (in its message, a property or its exception).</summary>
    public bool LogsContain(params string[] parts) => Log.Contains(parts);

    /// <summary>
    /// Switches the sandbox gateway on unless the environment a subclass chose is Production, which refuses to start
    /// with it (ADR-030); a setting of the test's own still wins. Runs after every ConfigureWebHost, before the portal
    /// reads its settings.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.ConfigureHostConfiguration(configuration =>
        {
            var settings = configuration.Build();
            if (!string.Equals(settings[HostDefaults.EnvironmentKey], Environments.Production, StringComparison.OrdinalIgnoreCase)
                && settings["Payments:Sandbox:Enabled"] is null)
            {
                configuration.AddInMemoryCollection([KeyValuePair.Create("Payments:Sandbox:Enabled", (string?)"true")]);
            }
        });
        return base.CreateHost(builder);
    }

    /// <summary>A context of its own on this portal's database, usable before the portal starts or after it stopped.</summary>
    public AppDbContext OpenDatabase()
    {
        if (OnPostgreSql)
        {
            return new PostgreSqlAppDbContext(new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseNpgsql(ConnectionString).Options);
        }

        EnsureSqliteFile();
        return new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(ConnectionString).Options);
    }

    private void EnsureSqliteFile()
    {
        if (!OnPostgreSql && !File.Exists(DatabasePath))
        {
            TemplateDatabases.CopyTo(DatabasePath, withDemoData: FromDemoTemplate);
        }
    }

    /// <summary>Runs code against the portal's database in its own scope.</summary>
    public async Task<T> WithDatabaseAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Runs code with the services of one scope (one AppDbContext shared by the services it resolves).</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>The SMS and email this portal sent (the development senders): newest first, one-time codes included.</summary>
    public DevelopmentMessageLog Messages => Services.GetRequiredService<DevelopmentMessageLog>();

    /// <summary>The one-time code of the last verification SMS to <paramref name="mobile"/>; fails the test if none was sent.</summary>
    public string LastCodeSentTo(string mobile) =>
        Messages.LastCodeSentTo(mobile) ?? throw new InvalidOperationException($"No verification code was sent to {mobile}.");

    /// <summary>Waits (up to 30 s) for a message the dispatcher sends from the outbox, e.g. the SMS of a status change.</summary>
    public Task<DevelopmentMessage> WaitForMessageAsync(Func<DevelopmentMessage, bool> match) =>
        Poll.UntilAsync(() => Task.FromResult(Messages.Messages().FirstOrDefault(match)), "the expected message was not sent");

    /// <summary>Waits (up to 30 s) until the audit writer has stored at least <paramref name="count"/> inquiry audit entries; all of them, oldest first.</summary>
    public Task<List<InquiryAuditEntry>> WaitForAuditEntriesAsync(int count) =>
        Poll.UntilAsync(
            () => WithDatabaseAsync(db => db.InquiryAudit.AsNoTracking().OrderBy(e => e.Id).ToListAsync()),
            entries => entries.Count >= count,
            $"fewer than {count} audit entries were written");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && postgreSqlDatabase is { } database && DropPostgreSqlDatabaseOnDispose)
        {
            PostgreSqlTestDatabases.Drop(database);
            postgreSqlDatabase = null;
        }

        if (disposing && DeleteFolderOnDispose)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow shutdown: the OS temp cleaner takes it.
            }
        }
    }
}

/// <summary>The portal with the demo data seeded, as a newcomer sees it after the README's run command.</summary>
public class DemoPortalFactory : PortalFactory
{
    protected override bool SeedDemoData => true;
}

/// <summary>The portal on a PostgreSQL database of its own (see <see cref="PostgreSqlTestDatabases"/>).</summary>
public sealed class PostgreSqlPortalFactory : PortalFactory
{
    protected internal override bool OnPostgreSql => true;
}

/// <summary>The demo portal on PostgreSQL.</summary>
public sealed class PostgreSqlDemoPortalFactory : DemoPortalFactory
{
    protected internal override bool OnPostgreSql => true;
}
