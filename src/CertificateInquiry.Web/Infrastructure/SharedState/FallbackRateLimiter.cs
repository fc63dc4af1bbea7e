using System.Threading.RateLimiting;

namespace CertificateInquiry.Web.Infrastructure.SharedState;

/// <summary>
/// A limiter that counts in Redis (one of RedisRateLimiting's) and, when Redis fails, in this process (ADR-037). The
/// Redis limiters throw from <c>AcquireAsync</c> when Redis is away, which the rate limiting middleware would turn into
/// a 500 on every public form: here the failure is reported once per outage (<see cref="RedisConnection"/>) and the
/// request is counted by <paramref name="local"/> instead, fail open to the per-server limit. The Redis limiters also
/// refuse every synchronous <c>AttemptAcquire</c> (their answer needs a round trip): callers must use <c>AcquireAsync</c>,
/// as the middleware does after a refused attempt.
/// </summary>
public sealed class FallbackRateLimiter(Func<RateLimiter> createShared, RateLimiter local, RedisConnection redis, string store) : RateLimiter
{
    private RateLimiter? shared;

    public override TimeSpan? IdleDuration
    {
        get
        {
            var localIdle = local.IdleDuration;
            var sharedIdle = shared is null ? localIdle : shared.IdleDuration;
            return localIdle is null || sharedIdle is null ? null : localIdle < sharedIdle ? localIdle : sharedIdle;
        }
    }

    public override RateLimiterStatistics? GetStatistics() => local.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
        redis.ShouldAsk ? NotAcquiredSynchronously.Instance : local.AttemptAcquire(permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (redis.ShouldAsk)
        {
            try
            {
                shared ??= createShared();
                var lease = await shared.AcquireAsync(permitCount, cancellationToken);
                redis.Succeeded();
                return new SharedLease(lease);
            }
            catch (Exception exception) when (RedisConnection.IsFailure(exception))
            {
                redis.Failed(exception, store);
            }
        }

        return local.AttemptAcquire(permitCount);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            shared?.Dispose();
            local.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        if (shared is not null)
        {
            await shared.DisposeAsync();
        }

        await local.DisposeAsync();
    }

    /// <summary>The synchronous attempt's answer while Redis is asked: not acquired, ask again with AcquireAsync.</summary>
    private sealed class NotAcquiredSynchronously : RateLimitLease
    {
        public static readonly NotAcquiredSynchronously Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    /// <summary>
    /// A Redis limiter's lease, with its retry-after (whole seconds, under its own metadata name) also given as the
    /// framework's <see cref="MetadataName.RetryAfter"/>, which the 429 answers read.
    /// </summary>
    private sealed class SharedLease(RateLimitLease inner) : RateLimitLease
    {
        private const string RedisRetryAfter = "RATELIMIT_RETRYAFTER";

        public override bool IsAcquired => inner.IsAcquired;

        public override IEnumerable<string> MetadataNames => inner.MetadataNames.Append(MetadataName.RetryAfter.Name);

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (metadataName == MetadataName.RetryAfter.Name)
            {
                if (inner.TryGetMetadata(RedisRetryAfter, out var seconds) && seconds is int whole)
                {
                    metadata = TimeSpan.FromSeconds(Math.Max(1, whole));
                    return true;
                }
            }

            return inner.TryGetMetadata(metadataName, out metadata);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
