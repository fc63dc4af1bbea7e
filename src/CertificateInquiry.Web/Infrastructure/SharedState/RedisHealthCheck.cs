using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CertificateInquiry.Web.Infrastructure.SharedState;

/// <summary>
/// Degraded, not unhealthy, while the configured Redis does not answer a PING: the portal keeps answering (limits per
/// server, CAPTCHA solutions refused past the free attempts, ADR-037), and a load balancer should not take every
/// server out at once because the one Redis they share is away.
/// </summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var roundTrip = await redis.Multiplexer.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            redis.Succeeded();
            return HealthCheckResult.Healthy("Redis answers (" + roundTrip.TotalMilliseconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " ms).");
        }
        catch (Exception exception) when (RedisConnection.IsFailure(exception))
        {
            return HealthCheckResult.Degraded("Redis is unreachable: limits are counted per server and CAPTCHA solutions are refused.");
        }
    }
}
