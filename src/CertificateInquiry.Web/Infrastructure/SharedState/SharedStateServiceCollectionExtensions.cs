using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CertificateInquiry.Web.Infrastructure.SharedState;

public static class SharedStateServiceCollectionExtensions
{
    /// <summary>
    /// The stores of short-lived state that servers behind one address must share (ADR-037): window counters, spent
    /// CAPTCHA solutions and rate limiter partitions. With <c>Redis:Configuration</c> unset they live in this process,
    /// as on one server; set, in Redis, each with its answer for when Redis is away, and <c>/health</c> says so.
    /// </summary>
    public static IServiceCollection AddSharedState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SharedStateOptions>()
            .BindConfiguration(SharedStateOptions.Section)
            .Validate(options => options.IsValid(out _), "Redis: the KeyPrefix is 1 to 32 characters without spaces, "
                + "RetryAfterFailure 0 to 5 minutes, and Configuration (if set) a StackExchange.Redis configuration string.")
            .ValidateOnStart();
        services.AddSingleton<SharedRateLimiters>();
        services.AddSingleton<LocalSpentSolutions>();

        var options = configuration.GetSection(SharedStateOptions.Section).Get<SharedStateOptions>() ?? new SharedStateOptions();
        if (!options.IsConfigured)
        {
            services.AddSingleton<IWindowCounters, LocalWindowCounters>();
            services.AddSingleton<ISpentSolutions>(provider => provider.GetRequiredService<LocalSpentSolutions>());
            return services;
        }

        services.AddSingleton<RedisConnection>();
        services.AddSingleton<IWindowCounters, RedisWindowCounters>();
        services.AddSingleton<ISpentSolutions, RedisSpentSolutions>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded);
        return services;
    }
}
