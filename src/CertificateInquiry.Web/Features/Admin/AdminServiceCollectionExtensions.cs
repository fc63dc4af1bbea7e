using CertificateInquiry.Web.Features.Admin.Certificates;
using CertificateInquiry.Web.Features.Admin.Dashboard;
using CertificateInquiry.Web.Features.Admin.Import;
using CertificateInquiry.Web.Features.Admin.Tariffs;
using CertificateInquiry.Web.Features.Admin.Users;

namespace CertificateInquiry.Web.Features.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>The administration pages' services (users, tariffs, the browser import, revocations, the dashboard).</summary>
    public static WebApplicationBuilder AddAdministration(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<StaffUserAdministration>();
        builder.Services.AddScoped<FeeTariffAdministration>();
        builder.Services.AddScoped<CertificateRevocations>();
        builder.Services.AddScoped<DashboardStatistics>();
        builder.Services.Configure<CertificateUploadOptions>(builder.Configuration.GetSection(CertificateUploadOptions.Section));
        return builder;
    }
}
