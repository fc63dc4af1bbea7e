using CertificateInquiry.Web.Features.AgencyPortal.Batches;
using CertificateInquiry.Web.Features.AgencyPortal.Usage;

namespace CertificateInquiry.Web.Features.AgencyPortal;

/// <summary>The agency portal's inquiry pages: the single inquiry and the batches use the API's services; usage has its report.</summary>
public static class AgencyPortalInquiriesServiceCollectionExtensions
{
    public static IServiceCollection AddAgencyPortalInquiries(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AgencyUsageReport>();
        services.AddScoped<AgencyPortalBatches>();
        return services;
    }
}
