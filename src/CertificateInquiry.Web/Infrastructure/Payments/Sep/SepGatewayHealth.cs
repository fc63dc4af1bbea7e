using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CertificateInquiry.Web.Infrastructure.Payments.Sep;

/// <summary>
/// How the last call to Sep went, for <c>/health</c>. Read from the portal's own calls rather than by probing the
/// bank: a probe would cost the bank a request per health check and prove less than a real verify does.
/// </summary>
public sealed class SepGatewayHealth(TimeProvider clock)
{
    private long lastFailureTicks;
    private long lastAnswerTicks;

    public void Answered() => Interlocked.Exchange(ref lastAnswerTicks, clock.GetUtcNow().UtcTicks);

    public void Failed() => Interlocked.Exchange(ref lastFailureTicks, clock.GetUtcNow().UtcTicks);

    /// <summary>True when the latest call failed: the gateway is down or unreachable until a call succeeds again.</summary>
    public bool IsFailing => Interlocked.Read(ref lastFailureTicks) > Interlocked.Read(ref lastAnswerTicks);
}

/// <summary>
/// The gateway in <c>/health</c>: <see cref="HealthStatus.Degraded"/>, never unhealthy, while its last call failed —
/// the portal still serves lookups and drafts without it, so a load balancer must not take the server out.
/// </summary>
public sealed class SepGatewayHealthCheck(SepGatewayHealth health) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(health.IsFailing
            ? HealthCheckResult.Degraded("The Sep gateway's last call failed; payments cannot start or be verified until it answers.")
            : HealthCheckResult.Healthy());
}
