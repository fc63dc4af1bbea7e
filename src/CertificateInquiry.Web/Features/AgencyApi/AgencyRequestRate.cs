using System.Threading.RateLimiting;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.SharedState;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// Each agency's request rate, a token bucket per agency (<see cref="AgencyApiOptions.RequestsPerSecond"/>): one
/// agency's runaway script cannot crowd out the others. Counted in Redis when one is configured (one bucket for all
/// servers), else, or while Redis is away, on each server (ADR-037). Off with the other limits
/// (<c>RateLimiting:Enabled</c>) for load tests.
/// </summary>
public sealed class AgencyRequestRate(IOptions<AgencyApiOptions> options, IOptions<RateLimitingOptions> rateLimiting, SharedRateLimiters limiters) : IDisposable
{
    private readonly PartitionedRateLimiter<int> limiter = PartitionedRateLimiter.Create<int, int>(agencyId =>
        rateLimiting.Value.Enabled
            ? limiters.TokenBucket("rl-agency", agencyId, new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.Value.RequestsPerSecond * 2,
                TokensPerPeriod = options.Value.RequestsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(agencyId));

    public ValueTask<RateLimitLease> AcquireAsync(int agencyId, CancellationToken cancellationToken) => limiter.AcquireAsync(agencyId, 1, cancellationToken);

    public void Dispose() => limiter.Dispose();
}
