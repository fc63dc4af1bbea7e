using System.Threading.RateLimiting;
using CertificateInquiry.Web.Infrastructure.Http;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// Each agency's request rate, a token bucket per agency on each server (<see cref="AgencyApiOptions.RequestsPerSecond"/>):
/// one agency's runaway script cannot crowd out the others. Off with the other limits (<c>RateLimiting:Enabled</c>) for
/// load tests.
/// </summary>
public sealed class AgencyRequestRate(IOptions<AgencyApiOptions> options, IOptions<RateLimitingOptions> rateLimiting) : IDisposable
{
    private readonly PartitionedRateLimiter<int> limiter = PartitionedRateLimiter.Create<int, int>(agencyId =>
        rateLimiting.Value.Enabled
            ? RateLimitPartition.GetTokenBucketLimiter(agencyId, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = options.Value.RequestsPerSecond * 2,
                TokensPerPeriod = options.Value.RequestsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            })
            : RateLimitPartition.GetNoLimiter(agencyId));

    public RateLimitLease Acquire(int agencyId) => limiter.AttemptAcquire(agencyId);

    public void Dispose() => limiter.Dispose();
}
