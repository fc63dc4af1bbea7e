using System.Net;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.SharedState;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>
/// The sign-in throttle in Redis, shared by every server (ADR-037), with the rules of <see cref="SignInThrottle"/>.
/// Per key (an address or an e-mail, each by its keyed hash) a count of failures that is forgotten
/// <see cref="SignInThrottleOptions.ForgetAfter"/> after the last one, and past the free failures a hold key that lives
/// as long as the wait. An attempt reads both holds and, when neither is on, counts itself and sets the holds it earns,
/// in one script (<see cref="CheckAndCount"/>): a burst of parallel guesses is counted one after another and meets the
/// hold the first one set, and a process killed midway leaves no count without its expiry. When Redis fails the
/// throttle fails open to <paramref name="fallback"/>, this process's own count: a guesser then gets at most one
/// server's allowance per server, as before Redis.
/// </summary>
public sealed class RedisSignInThrottle(
    RedisConnection redis, SignInThrottle fallback, InquiryAudit hashes, IOptions<StaffOptions> options) : ISignInThrottle
{
    // In braces: the four keys of an attempt hash to one slot should the Redis be a cluster.
    private const string Store = "{sign-in}";

    /// <summary>
    /// Reads the two holds and, when neither is on, counts the failure on both keys, renews their forget-after expiry
    /// and sets the hold each has earned (<see cref="SignInThrottle.HoldAfter"/>, in milliseconds), all in one step.
    /// A script because the check and the count must not be split: a conditional MULTI (WATCH) does the same with
    /// retries, and under a burst of parallel guesses StackExchange.Redis's conditional transactions timed out.
    /// Answers {wait in ms, 0, 0} when held, else {0, failures of the address, failures of the account}.
    /// </summary>
    private const string CheckAndCount = """
        local wait = math.max(redis.call('PTTL', KEYS[2]), redis.call('PTTL', KEYS[4]))
        if wait > 0 then return {wait, 0, 0} end
        local function fail(failures, hold, free, max)
          local n = redis.call('INCR', failures)
          redis.call('PEXPIRE', failures, ARGV[1])
          if n >= free then
            redis.call('SET', hold, 1, 'PX', math.floor(math.min(tonumber(ARGV[2]) * 2 ^ math.min(n - free, 30), max)))
          end
          return n
        end
        return {0, fail(KEYS[1], KEYS[2], tonumber(ARGV[3]), tonumber(ARGV[4])), fail(KEYS[3], KEYS[4], tonumber(ARGV[5]), tonumber(ARGV[6]))}
        """;

    private SignInThrottleOptions Options => options.Value.SignInThrottle;

    public async Task<SignInThrottle.Attempt> TryStartAsync(IPAddress? address, string account)
    {
        var addressKey = SignInThrottle.AddressKey(address);
        var accountKey = SignInThrottle.AccountKey(account);
        if (redis.Database(Store) is { } database)
        {
            try
            {
                var attempt = await TryStartAsync(database, addressKey, accountKey);
                redis.Succeeded();
                return attempt;
            }
            catch (Exception exception) when (RedisConnection.IsFailure(exception))
            {
                redis.Failed(exception, Store);
            }
        }

        return fallback.TryStart(address, account);
    }

    public async Task SucceededAsync(SignInThrottle.Attempt attempt)
    {
        if (!attempt.InRedis)
        {
            fallback.Succeeded(attempt);
            return;
        }

        await InRedisAsync(async database =>
        {
            var account = hashes.HashSignInKey(attempt.AccountKey);
            await database.KeyDeleteAsync([FailuresKey(account), HoldKey(account)]);
            await RestoreAsync(database, attempt.AddressKey, attempt.AddressBefore);
        });
    }

    public async Task GiveBackAsync(SignInThrottle.Attempt attempt)
    {
        if (!attempt.InRedis)
        {
            fallback.GiveBack(attempt);
            return;
        }

        await InRedisAsync(async database =>
        {
            await RestoreAsync(database, attempt.AddressKey, attempt.AddressBefore);
            await RestoreAsync(database, attempt.AccountKey, attempt.AccountBefore);
        });
    }

    private async Task<SignInThrottle.Attempt> TryStartAsync(IDatabase database, string addressKey, string accountKey)
    {
        var address = hashes.HashSignInKey(addressKey);
        var account = hashes.HashSignInKey(accountKey);
        var answer = (RedisResult[])(await database.ScriptEvaluateAsync(
            CheckAndCount,
            [FailuresKey(address), HoldKey(address), FailuresKey(account), HoldKey(account)],
            [
                (long)Options.ForgetAfter.TotalMilliseconds, (long)Options.FirstDelay.TotalMilliseconds,
                Options.FreeFailuresPerAddress, (long)Options.MaxAddressDelay.TotalMilliseconds,
                Options.FreeFailuresPerAccount, (long)Options.MaxAccountDelay.TotalMilliseconds,
            ]))!;

        var waitMilliseconds = (long)answer[0];
        if (waitMilliseconds > 0)
        {
            return new SignInThrottle.Attempt(TimeSpan.FromMilliseconds(waitMilliseconds), addressKey, accountKey, default, default, InRedis: true);
        }

        return new SignInThrottle.Attempt(
            TimeSpan.Zero, addressKey, accountKey, Before((long)answer[1]), Before((long)answer[2]), InRedis: true);
    }

    /// <summary>
    /// Takes back this attempt's failure. When no other attempt counted meanwhile, the key is as it was before: it was
    /// not held then (else the attempt would not have gone ahead), so the hold this attempt may have set goes.
    /// </summary>
    private async Task RestoreAsync(IDatabase database, string throttleKey, SignInThrottle.State before)
    {
        var key = hashes.HashSignInKey(throttleKey);
        var failures = await database.StringDecrementAsync(FailuresKey(key));
        if (failures < 0)
        {
            // Forgotten between the attempt and now: DECR made the key anew, without an expiry.
            await database.KeyDeleteAsync(FailuresKey(key));
        }

        if (failures <= before.Failures)
        {
            await database.KeyDeleteAsync(HoldKey(key));
        }
    }

    // An attempt counted in Redis that cannot be taken back while Redis is away stays counted: the safe side.
    private async Task InRedisAsync(Func<IDatabase, Task> change)
    {
        if (redis.Database(Store) is not { } database)
        {
            return;
        }

        try
        {
            await change(database);
            redis.Succeeded();
        }
        catch (Exception exception) when (RedisConnection.IsFailure(exception))
        {
            redis.Failed(exception, Store);
        }
    }

    private static SignInThrottle.State Before(long failures) => new((int)Math.Clamp(failures - 1, 0, int.MaxValue), default, default);

    private RedisKey FailuresKey(string hash) => redis.Key(Store, "f:" + hash);

    private RedisKey HoldKey(string hash) => redis.Key(Store, "h:" + hash);
}
