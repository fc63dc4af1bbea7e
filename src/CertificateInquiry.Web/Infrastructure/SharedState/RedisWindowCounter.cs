using CertificateInquiry.Web.Infrastructure.Captcha;
using StackExchange.Redis;

namespace CertificateInquiry.Web.Infrastructure.SharedState;

/// <summary>
/// One counter per client in Redis: INCR, then an expiry of one window set only when the key has none, so that the
/// window starts with the client's first event as in <see cref="ClientWindowCounter"/> and a process killed
/// between the two commands leaves a key the next event gives an expiry. When Redis fails the counter fails open to
/// <paramref name="fallback"/>, this process's own count (ADR-037): a client then gets at most the limit per server,
/// as before Redis.
/// </summary>
public sealed class RedisWindowCounter(string name, TimeSpan window, RedisConnection redis, ClientWindowCounter fallback) : IWindowCounter
{
    public async Task<int> CountAsync(string clientHash)
    {
        if (redis.Database(name) is { } database)
        {
            try
            {
                var value = await database.StringGetAsync(redis.Key(name, clientHash));
                redis.Succeeded();
                return value.TryParse(out long count) ? Clamp(count) : 0;
            }
            catch (Exception exception) when (RedisConnection.IsFailure(exception))
            {
                redis.Failed(exception, name);
            }
        }

        return fallback.Count(clientHash);
    }

    public async Task<int> AddAsync(string clientHash)
    {
        if (redis.Database(name) is { } database)
        {
            try
            {
                var key = redis.Key(name, clientHash);
                var count = await database.StringIncrementAsync(key);
                _ = database.KeyExpireAsync(key, window, ExpireWhen.HasNoExpiry, CommandFlags.FireAndForget);
                redis.Succeeded();
                return Clamp(count - 1);
            }
            catch (Exception exception) when (RedisConnection.IsFailure(exception))
            {
                redis.Failed(exception, name);
            }
        }

        return fallback.Add(clientHash);
    }

    public async Task RemoveAsync(string clientHash)
    {
        if (redis.Database(name) is { } database)
        {
            try
            {
                var key = redis.Key(name, clientHash);

                // The window may have ended between Add and Remove: a key DECR made anew (no expiry, below zero) goes.
                if (await database.StringDecrementAsync(key) < 0)
                {
                    _ = database.KeyDeleteAsync(key, CommandFlags.FireAndForget);
                }

                redis.Succeeded();
                return;
            }
            catch (Exception exception) when (RedisConnection.IsFailure(exception))
            {
                redis.Failed(exception, name);
            }
        }

        fallback.Remove(clientHash);
    }

    private static int Clamp(long count) => (int)Math.Clamp(count, 0, int.MaxValue);
}
