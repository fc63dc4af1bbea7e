namespace CertificateInquiry.Web.Features.AgencyApi.Batches;

public static class AgencyBatchesServiceCollectionExtensions
{
    /// <summary>Agency batches through the API (ADR-028): uploads, the worker that answers them, results and retention.</summary>
    public static IServiceCollection AddAgencyBatches(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration; // AgencyApi settings are bound by AddAgencyApi
        services.AddSingleton<AgencyBatchSignal>();
        services.AddSingleton<AgencyBatchRetention>();
        services.AddScoped<AgencyBatchUploads>();
        services.AddScoped<AgencyBatchResults>();
        services.AddSingleton<AgencyBatchWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<AgencyBatchWorker>());
        return services;
    }
}
