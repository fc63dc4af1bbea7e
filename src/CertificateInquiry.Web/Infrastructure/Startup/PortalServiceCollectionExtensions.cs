using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Data.Seeding;
using CertificateInquiry.Web.Features.Admin;
using CertificateInquiry.Web.Features.CertificateImport;
using CertificateInquiry.Web.Features.CertificateLookup;
using CertificateInquiry.Web.Features.Requests;
using CertificateInquiry.Web.Features.Staff.Requests;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Files;
using CertificateInquiry.Web.Infrastructure.Payments;
using CertificateInquiry.Web.Infrastructure.Captcha;
using CertificateInquiry.Web.Infrastructure.Notifications;
using CertificateInquiry.Web.Infrastructure.Pdf;
using FluentValidation;

namespace CertificateInquiry.Web.Infrastructure.Startup;

public static class PortalServiceCollectionExtensions
{
    /// <summary>The portal's own services, feature by feature.</summary>
    public static WebApplicationBuilder AddPortalServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
        builder.Services.AddScoped<CertificateImporter>();
        builder.Services.AddScoped<DemoDataSeeder>();
        builder.Services.AddCertificateLookups(builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.Provider ?? DatabaseProvider.Sqlite);
        builder.Services.AddPdfFonts();
        builder.Services.AddSingleton<CertificateReportDocument>();
        builder.Services.AddInquiryRequests(builder.Configuration);
        builder.Services.AddSingleton<InquiryAudit>();
        builder.Services.AddHostedService<InquiryAuditWriter>();
        builder.AddDocumentStore();
        builder.AddPayments();
        builder.Services.AddCaptcha();
        builder.Services.AddSingleton<ReportPasses>();
        builder.AddNotifications();
        builder.Services.AddBackOfficeRequests();
        builder.AddAdministration();
        return builder;
    }
}
