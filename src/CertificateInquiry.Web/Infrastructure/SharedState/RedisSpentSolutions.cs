using StackExchange.Redis;

namespace CertificateInquiry.Web.Infrastructure.SharedState;

/// <summary>
/// Spent solutions in Redis, shared by every server: SET NX with the challenge's remaining lifetime, the form hash as
/// the value. When Redis does not answer the solution is NOT accepted (<see cref="SpendOutcome.Unavailable"/>): no
/// server can know whether another accepted it, and a solution must never be accepted twice (ADR-037). Each server
/// also remembers what it accepted (<paramref name="local"/>), so that a Redis restarted empty does not let a solution
/// be replayed on the server that accepted it.
/// </summary>
public sealed class RedisSpentSolutions(RedisConnection redis, LocalSpentSolutions local, TimeProvider clock) : ISpentSolutions
{
    private const string Store = "captcha-spent";

    public async Task<SpendOutcome> TrySpendAsync(string signature, DateTimeOffset expiresAt, string? formHash)
    {
        if (redis.Database(Store) is not { } database)
        {
            return SpendOutcome.Unavailable;
        }

        var lifetime = expiresAt - clock.GetUtcNow();
        var key = redis.Key(Store, signature);
        var value = formHash ?? string.Empty;
        try
        {
            var first = await database.StringSetAsync(key, value, lifetime > TimeSpan.FromSeconds(1) ? lifetime : TimeSpan.FromSeconds(1), When.NotExists);
            var earlier = first ? RedisValue.Null : await database.StringGetAsync(key);
            redis.Succeeded();
            if (!first)
            {
                return formHash is not null && earlier == formHash ? SpendOutcome.Resubmitted : SpendOutcome.Replayed;
            }
        }
        catch (Exception exception) when (RedisConnection.IsFailure(exception))
        {
            redis.Failed(exception, Store);
            return SpendOutcome.Unavailable;
        }

        return local.TrySpend(signature, expiresAt, formHash);
    }
}
