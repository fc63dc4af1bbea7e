using CertificateInquiry.Web.Features.Admin;
using CertificateInquiry.Web.Features.Agencies;
using CertificateInquiry.Web.Features.AgencyApi;
using CertificateInquiry.Web.Features.AgencyApi.Batches;
using CertificateInquiry.Web.Features.AgencyPortal;
using CertificateInquiry.Web.Features.CertificateImport;
using CertificateInquiry.Web.Features.CertificateLookup;
using CertificateInquiry.Web.Features.Holders;
using CertificateInquiry.Web.Features.Holders.Account;
using CertificateInquiry.Web.Features.Holders.Corrections;
using CertificateInquiry.Web.Features.Requests;
using CertificateInquiry.Web.Features.Retention;
using CertificateInquiry.Web.Features.Staff.PaperLetters;
using CertificateInquiry.Web.Features.Staff.Requests;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.IdentityChecks;
using CertificateInquiry.Web.Infrastructure.Captcha;
using CertificateInquiry.Web.Infrastructure.Files;
using CertificateInquiry.Web.Infrastructure.Hosting;
using CertificateInquiry.Web.Infrastructure.Notifications;
using CertificateInquiry.Web.Infrastructure.Payments;
using CertificateInquiry.Web.Infrastructure.Pdf;
using CertificateInquiry.Web.Infrastructure.SharedState;
using CertificateInquiry.Web.Infrastructure.Signing;
using FluentValidation;

namespace CertificateInquiry.Web.Startup;

public static class PortalServiceCollectionExtensions
{
    /// <summary>
    /// The portal's own services: the shared infrastructure, then one call per feature, each with the same signature
    /// (<c>AddX(this IServiceCollection, IConfiguration)</c>, in the feature's own folder).
    /// </summary>
    public static WebApplicationBuilder AddPortalServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddSingleton(TimeProvider.System);
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);

        services.AddPdfFonts();
        services.AddSingleton<JobLeases>(); // the periodic jobs' leases (ADR-038)
        services.AddSingleton<InquiryAudit>();
        services.AddHostedService<InquiryAuditWriter>();
        services.AddSharedState(configuration);
        builder.AddDocumentStore();
        builder.AddPayments();
        services.AddCaptcha();
        builder.AddNotifications();
        builder.Services.AddIdentityChecks(builder.Configuration);
        services.AddAnswerSigning(configuration);

        services.AddCertificateLookup(configuration);
        services.AddCertificateImport(configuration);
        services.AddRequests(configuration);
        services.AddBackOfficeRequests(configuration);
        services.AddAdmin(configuration);
        services.AddAgencies(configuration);
        services.AddAgencyApi(configuration);
        services.AddPaperLetters(configuration);
        services.AddAgencyBatches(configuration);
        services.AddAgencyPortal(configuration);
        services.AddAgencyPortalInquiries(configuration);
        services.AddHolders(configuration);
        services.AddCorrections(configuration);
        services.AddHolderSignIn(configuration);
        services.AddRetention(configuration);
        return builder;
    }
}
