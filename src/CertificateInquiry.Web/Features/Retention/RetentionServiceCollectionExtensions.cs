namespace CertificateInquiry.Web.Features.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>The job leases every periodic job shares, and the leased retention clean-up (<c>Retention</c> settings).</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>()
            .Bind(configuration.GetSection(RetentionOptions.Section))
            .Validate(settings => settings.IsValid, "Retention: Interval must be positive, the ages not negative, AuditSegmentsKeptFor at least a day, BatchSize positive.")
            .ValidateOnStart();
        services.AddScoped<RetentionCleanup>();
        services.AddHostedService<RetentionWorker>();
        return services;
    }
}
