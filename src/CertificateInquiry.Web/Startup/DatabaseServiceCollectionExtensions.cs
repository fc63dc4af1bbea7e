using CertificateInquiry.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Startup;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Registers the context of the configured provider, pooled, and exposes it as <see cref="AppDbContext"/>.</summary>
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DatabaseOptions.Section);
        builder.Services.Configure<DatabaseOptions>(section);
        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString("Default");

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                connectionString = string.IsNullOrWhiteSpace(connectionString)
                    ? EmbeddedConnectionString(builder.Environment.ContentRootPath, options.DataFolder)
                    : connectionString;
                builder.Services.AddDbContextPool<SqliteAppDbContext>(db => db.UseSqlite(connectionString));
                builder.Services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is SqlServer but ConnectionStrings:Default is empty.");
                }

                builder.Services.AddDbContextPool<SqlServerAppDbContext>(db =>
                    db.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()));
                builder.Services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqlServerAppDbContext>());
                break;
            case DatabaseProvider.PostgreSql:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is PostgreSql but ConnectionStrings:Default is empty.");
                }

                connectionString = PostgreSqlConnectionStrings.WithPortalDefaults(connectionString);
                builder.Services.AddDbContextPool<PostgreSqlAppDbContext>(db =>
                    db.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure()));
                builder.Services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgreSqlAppDbContext>());
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'.");
        }

        builder.Services.AddSingleton(new DatabaseConnection(options.Provider, connectionString));
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return builder;
    }

    private static string EmbeddedConnectionString(string contentRoot, string dataFolder)
    {
        var folder = Path.Combine(contentRoot, dataFolder);
        Directory.CreateDirectory(folder);
        return "Data Source=" + Path.Combine(folder, "certificate-inquiry.db");
    }
}
