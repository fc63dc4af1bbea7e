using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CertificateInquiry.Web.Infrastructure.OutsideServices;

/// <summary>
/// What each outside service (SMS operator, payment gateway, Shahkar, civil registry) did on its last call, as its
/// client reports it. <c>/health</c> reads it instead of calling the services itself: a load balancer polls every few
/// seconds, and a provider's call may cost money or count against a quota.
/// </summary>
public sealed class OutsideServiceHealth(TimeProvider clock)
{
    /// <summary>A failure older than this, with no call since, no longer marks the service as degraded.</summary>
    public static readonly TimeSpan FailureRemembered = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, ServiceState> states = new(StringComparer.Ordinal);

    public void Succeeded(string service) =>
        states[service] = new ServiceState(clock.GetUtcNow(), null, null);

    /// <summary>Records a failed call; <paramref name="reason"/> is a short English reason free of personal data and secrets.</summary>
    public void Failed(string service, string reason) =>
        states[service] = new ServiceState(clock.GetUtcNow(), clock.GetUtcNow(), reason);

    public IReadOnlyDictionary<string, ServiceState> Snapshot() => states.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);

    /// <summary>The service's last call failed, recently.</summary>
    public bool IsFailing(ServiceState state) =>
        state.FailedAtUtc is { } failedAt && clock.GetUtcNow() - failedAt < FailureRemembered;

    public sealed record ServiceState(DateTimeOffset LastCallAtUtc, DateTimeOffset? FailedAtUtc, string? Reason);
}

/// <summary>
/// Degraded (not unhealthy: the portal still serves lookups and takes requests) while an outside service's last call
/// failed within <see cref="OutsideServiceHealth.FailureRemembered"/>; the failing services and reasons in the data.
/// </summary>
public sealed class OutsideServicesHealthCheck(OutsideServiceHealth health) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failing = health.Snapshot()
            .Where(s => health.IsFailing(s.Value))
            .ToDictionary(s => s.Key, s => (object)(s.Value.Reason ?? "failed"), StringComparer.Ordinal);
        return Task.FromResult(failing.Count == 0
            ? HealthCheckResult.Healthy("Outside services answered on their last call.")
            : HealthCheckResult.Degraded("Outside service failing: " + string.Join(", ", failing.Keys.Order(StringComparer.Ordinal)), data: failing));
    }
}

public static class OutsideServiceCollectionExtensions
{
    /// <summary>The shared health state of outside services and its <c>/health</c> check; called by each provider's registration.</summary>
    public static IServiceCollection AddOutsideServiceHealth(this IServiceCollection services)
    {
        if (services.Any(s => s.ServiceType == typeof(OutsideServiceHealth)))
        {
            return services;
        }

        services.AddSingleton<OutsideServiceHealth>();
        services.AddHealthChecks().AddCheck<OutsideServicesHealthCheck>("outside-services", HealthStatus.Degraded);
        return services;
    }
}
