using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Staff.Requests;

public static class RequestCaseServiceCollectionExtensions
{
    /// <summary>The back-office's requests: the queue, the case page and its use cases (the actions, the answer's approval, digitizing).</summary>
    public static IServiceCollection AddBackOfficeRequests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RequestCaseReader>();
        services.AddScoped<CaseActionRunner>();
        services.AddScoped<RequestCaseActions>();
        services.AddScoped<AnswerApproval>();
        services.AddScoped<CertificateDigitizing>();
        services.AddScoped<CaseDocuments>();
        services.AddScoped<RequestQueueReader>();
        services.AddOptions<HolidayOptions>().BindConfiguration(HolidayOptions.Section);
        services.AddSingleton<OfficialHolidays>();
        return services;
    }
}
