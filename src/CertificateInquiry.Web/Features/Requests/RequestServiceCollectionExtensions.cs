namespace CertificateInquiry.Web.Features.Requests;

public static class RequestServiceCollectionExtensions
{
    /// <summary>Request tracking, its service levels (<see cref="RequestServiceLevels"/>) and the receipt PDF.</summary>
    public static IServiceCollection AddRequestTracking(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RequestServiceLevels>()
            .Bind(configuration.GetSection(RequestServiceLevels.Section))
            .Validate(
                levels => levels is { Submitted: >= 0, UnderReview: >= 0, NeedsMoreDocuments: >= 0, AwaitingVisit: >= 0 },
                RequestServiceLevels.Section + ": a number of days cannot be negative.")
            .ValidateOnStart();
        services.AddScoped<RequestTrackingService>();
        services.AddSingleton<RequestReceiptDocument>();
        return services;
    }
}
