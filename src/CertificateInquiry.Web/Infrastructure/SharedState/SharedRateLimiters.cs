using System.Threading.RateLimiting;
using CertificateInquiry.Web.Infrastructure.Audit;
using RedisRateLimiting;

namespace CertificateInquiry.Web.Infrastructure.SharedState;

/// <summary>
/// The partitions of the portal's rate limits. With no Redis: the framework's per-process limiters, partitioned by
/// the client address as before. With Redis: RedisRateLimiting's limiters (the same algorithms, counted in Redis by
/// every server), partitioned by the audit's keyed address hash so that no address reaches a Redis key, each behind a
/// <see cref="FallbackRateLimiter"/> that counts in this process while Redis is away (ADR-037).
/// </summary>
public sealed class SharedRateLimiters(InquiryAudit audit, RedisConnection? redis = null)
{
    /// <summary>A fixed window per client address for the policy <paramref name="store"/>.</summary>
    public RateLimitPartition<string> FixedWindowPerClient(string store, HttpContext context, FixedWindowRateLimiterOptions options)
    {
        if (redis is null)
        {
            return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => options);
        }

        var connection = redis;
        var client = audit.HashClientAddress(context);
        return RateLimitPartition.Get(client, _ => new FallbackRateLimiter(
            () => new RedisFixedWindowRateLimiter<string>(connection.Key(store, client), new RedisFixedWindowRateLimiterOptions
            {
                PermitLimit = options.PermitLimit,
                Window = options.Window,
                ConnectionMultiplexerFactory = () => connection.Multiplexer,
            }),
            new FixedWindowRateLimiter(options),
            connection,
            store));
    }

    /// <summary>A token bucket per <paramref name="id"/> (not personal data: an agency's number) for <paramref name="store"/>.</summary>
    public RateLimitPartition<TKey> TokenBucket<TKey>(string store, TKey id, TokenBucketRateLimiterOptions options)
        where TKey : notnull
    {
        if (redis is null)
        {
            return RateLimitPartition.GetTokenBucketLimiter(id, _ => options);
        }

        var connection = redis;
        var key = connection.Key(store, Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture)!);
        return RateLimitPartition.Get(id, _ => new FallbackRateLimiter(
            () => new RedisTokenBucketRateLimiter<string>(key, new RedisTokenBucketRateLimiterOptions
            {
                TokenLimit = options.TokenLimit,
                TokensPerPeriod = options.TokensPerPeriod,
                ReplenishmentPeriod = options.ReplenishmentPeriod,
                ConnectionMultiplexerFactory = () => connection.Multiplexer,
            }),
            new TokenBucketRateLimiter(options),
            connection,
            store));
    }
}
