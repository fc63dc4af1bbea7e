using CertificateInquiry.Web.Data;

namespace CertificateInquiry.Web.Features.CertificateLookup;

public static class CertificateLookupServiceCollectionExtensions
{
    /// <summary>
    /// The public inquiry: the lookups of the configured database provider (prepared statements on SQLite, EF's
    /// compiled queries otherwise), the verification report and its passes.
    /// </summary>
    public static IServiceCollection AddCertificateLookup(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite;
        services.AddScoped<EfCertificateLookups>();
        if (provider == DatabaseProvider.Sqlite)
        {
            // A singleton: its open connections and prepared statements outlive requests (disposed with the host).
            services.AddSingleton<SqliteCertificateLookups>();
            services.AddSingleton<ICertificateLookups>(services => services.GetRequiredService<SqliteCertificateLookups>());
        }
        else
        {
            services.AddScoped<ICertificateLookups>(services => services.GetRequiredService<EfCertificateLookups>());
        }

        services.AddSingleton<CertificateReportDocument>();
        services.AddSingleton<ReportPasses>();
        return services;
    }
}
