using CertificateInquiry.Web.Infrastructure.OutsideServices;

namespace CertificateInquiry.Web.Infrastructure.IdentityChecks;

public static class IdentityCheckServiceCollectionExtensions
{
    /// <summary>
    /// Shahkar and the civil registry (<c>IdentityChecks:Provider</c>): with <c>None</c> neither is registered and
    /// nothing is checked; with <c>Finnotech</c> both go through <see cref="FinnotechClient"/>. Calls are GETs, safe to
    /// repeat: one retry, each attempt within <c>IdentityChecks:Finnotech:Timeout</c>, and a circuit breaker.
    /// </summary>
    public static IServiceCollection AddIdentityChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IdentityCheckOptions>()
            .Bind(configuration.GetSection(IdentityCheckOptions.Section))
            .Validate(o => o.Provider is IdentityCheckOptions.NoProvider or IdentityCheckOptions.FinnotechProvider, "IdentityChecks:Provider must be None or Finnotech.")
            .Validate(
                o => o.Provider != IdentityCheckOptions.FinnotechProvider
                    || (o.Finnotech.ClientId.Length > 0 && o.Finnotech.ClientSecret.Length > 0 && o.Finnotech.ClientNationalId.Length > 0),
                "IdentityChecks:Finnotech:ClientId, ClientSecret and ClientNationalId are required with IdentityChecks:Provider=Finnotech (the secret from the environment, never a committed file).")
            .ValidateOnStart();
        if (!string.Equals(configuration[$"{IdentityCheckOptions.Section}:Provider"], IdentityCheckOptions.FinnotechProvider, StringComparison.Ordinal))
        {
            return services;
        }

        services.AddOutsideServiceHealth();
        var timeout = configuration.GetValue<TimeSpan?>($"{IdentityCheckOptions.Section}:Finnotech:Timeout") ?? new FinnotechOptions().Timeout;
        services.AddHttpClient(FinnotechClient.HttpClientName)
            .RemoveAllLoggers()
            .AddStandardResilienceHandler(resilience =>
            {
                resilience.Retry.MaxRetryAttempts = 1;
                resilience.AttemptTimeout.Timeout = timeout;
                resilience.TotalRequestTimeout.Timeout = timeout * 2.5;
                resilience.CircuitBreaker.SamplingDuration = timeout * 4 > TimeSpan.FromSeconds(30) ? timeout * 4 : TimeSpan.FromSeconds(30);
            });
        services.AddSingleton<FinnotechClient>();
        services.AddSingleton<IMobileOwnerCheck>(provider => provider.GetRequiredService<FinnotechClient>());
        services.AddSingleton<ICivilRegistry>(provider => provider.GetRequiredService<FinnotechClient>());

        // Only with a registry to ask: without one the job would wake every interval for nothing.
        services.AddSingleton<CivilRegistryCheck>();
        services.AddHostedService(provider => provider.GetRequiredService<CivilRegistryCheck>());
        return services;
    }
}
