using CertificateInquiry.Web.Features.Staff.Corrections;

namespace CertificateInquiry.Web.Features.Holders.Corrections;

public static class CorrectionsServiceCollectionExtensions
{
    /// <summary>Holders' reports of errors (ADR-034): the holder's side and the back-office's correction cases.</summary>
    public static IServiceCollection AddCorrections(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<HolderCorrections>();
        services.AddScoped<CorrectionCaseReader>();
        services.AddScoped<CorrectionActions>();
        services.AddScoped<CorrectionNotices>();
        return services;
    }
}
