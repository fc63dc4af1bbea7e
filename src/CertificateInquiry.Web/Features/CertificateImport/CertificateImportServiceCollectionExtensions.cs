namespace CertificateInquiry.Web.Features.CertificateImport;

public static class CertificateImportServiceCollectionExtensions
{
    /// <summary>The certificate import (the command, the back-office page and the demo data all use it) and the demo seeder.</summary>
    public static IServiceCollection AddCertificateImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CertificateImporter>();
        services.AddScoped<DemoDataSeeder>();
        return services;
    }
}
