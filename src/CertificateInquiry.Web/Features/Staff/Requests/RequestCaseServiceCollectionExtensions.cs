using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Staff.Requests;

public static class RequestCaseServiceCollectionExtensions
{
    /// <summary>The back-office's requests: the queue and the case page.</summary>
    public static IServiceCollection AddBackOfficeRequests(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<RequestCaseReader>();
        services.AddScoped<RequestQueueReader>();
        services.AddOptions<HolidayOptions>().BindConfiguration(HolidayOptions.Section);
        services.AddSingleton<OfficialHolidays>();
        return services;
    }
}
