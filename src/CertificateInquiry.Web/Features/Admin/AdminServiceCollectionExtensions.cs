using CertificateInquiry.Web.Features.Admin.Agencies;
using CertificateInquiry.Web.Features.Admin.Certificates;
using CertificateInquiry.Web.Features.Admin.Dashboard;
using CertificateInquiry.Web.Features.Admin.Import;
using CertificateInquiry.Web.Features.Admin.Payments;
using CertificateInquiry.Web.Features.Admin.Tariffs;
using CertificateInquiry.Web.Features.Admin.Users;

namespace CertificateInquiry.Web.Features.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>The administration pages' services (users, tariffs, the browser import, revocations, the dashboard, agencies).</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<StaffUserAdministration>();
        services.AddScoped<FeeTariffAdministration>();
        services.AddScoped<PaymentDisagreements>();
        services.AddScoped<CertificateRevocations>();
        services.AddScoped<DashboardStatistics>();
        services.AddScoped<AgencyAdministration>();
        services.Configure<CertificateUploadOptions>(configuration.GetSection(CertificateUploadOptions.Section));
        return services;
    }
}
