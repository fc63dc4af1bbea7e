using CertificateInquiry.Web.Infrastructure.Http;

namespace CertificateInquiry.Web.Features.AgencyApi;

public static class AgencyApiServiceCollectionExtensions
{
    /// <summary>The agencies' inquiry API: single inquiries, the shared finder, quota and request rate (the OAuth server is AddAgencies).</summary>
    public static IServiceCollection AddAgencyApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AgencyApiOptions>(configuration.GetSection(AgencyApiOptions.Section));
        services.Configure<RateLimitingOptions>(configuration.GetSection(RateLimitingOptions.Section));
        services.AddSingleton<AgencyRequestRate>();
        services.AddSingleton<AgencyQuota>();
        services.AddSingleton<RecentAnswers>();
        services.AddSingleton<AgencyTokenCache>();
        services.AddScoped<AgencyFinder>();
        services.AddScoped<AgencyInquiries>();
        services.AddOpenApi(AgencyApiDocument.Name, AgencyApiDocument.Configure);
        return services;
    }
}
