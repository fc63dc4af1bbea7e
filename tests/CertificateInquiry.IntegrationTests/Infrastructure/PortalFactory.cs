using CertificateInquiry.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Infrastructure;

/// <summary>
/// The real portal on its own SQLite file in a temporary folder (deleted afterwards), demo data off unless asked.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string folder = Directory.CreateTempSubdirectory("ci-tests-").FullName;

    public string DatabasePath => Path.Combine(folder, "portal.db");

    public string ConnectionString => $"Data Source={DatabasePath};Pooling=False";

    protected virtual bool SeedDemoData => false;

    /// <summary>Tests that read the database after the portal has stopped keep the folder and delete it themselves.</summary>
    protected virtual bool DeleteFolderOnDispose => true;

    public string Folder => folder;

    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:SeedDemoData", SeedDemoData ? "true" : "false");

        // Uploaded documents go to the test's folder, never into the source tree; payments go through the sandbox.
        builder.UseSetting("Database:DataFolder", folder);
        builder.UseSetting("Payments:Sandbox:Enabled", "true");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(folder, "logs", "portal-.log"));

        // Every test client shares one address; the throttling and CAPTCHA tests switch these back on.
        builder.UseSetting("RateLimiting:Enabled", "false");
        builder.UseSetting("Captcha:Enabled", "false");
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Runs code against the portal's database in its own scope.</summary>
    public async Task<T> WithDatabaseAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
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
public sealed class DemoPortalFactory : PortalFactory
{
    protected override bool SeedDemoData => true;
}
