using System.Net;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.SharedState;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>
/// The sign-in throttle in Redis, shared by every server (ADR-037), with the rules of <see cref="SignInThrottle"/>.
/// Per key (an address or an e-mail, each by its keyed hash) a count of failures that is forgotten
/// <see cref="SignInThrottleOptions.ForgetAfter"/> after the last one (INCR and PEXPIRE in one MULTI, so that a process
/// killed between them leaves no key that is never forgotten), and past the free failures a hold key that lives as
/// long as the wait. An attempt reads both holds, then counts itself on both keys. When Redis fails the throttle fails
/// open to <paramref name="fallback"/>, this process's own count: a guesser then gets at most one server's allowance per
/// server, as before Redis.
/// </summary>
public sealed class RedisSignInThrottle(
    RedisConnection redis, SignInThrottle fallback, InquiryAudit hashes, IOptions<StaffOptions> options) : ISignInThrottle
{
    private const string Store = "sign-in";

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

        // Sent together, answered in one round trip.
        var addressHold = database.KeyTimeToLiveAsync(HoldKey(address));
        var accountHold = database.KeyTimeToLiveAsync(HoldKey(account));
        var wait = Max(await addressHold ?? TimeSpan.Zero, await accountHold ?? TimeSpan.Zero);
        if (wait > TimeSpan.Zero)
        {
            return new SignInThrottle.Attempt(wait, addressKey, accountKey, default, default, InRedis: true);
        }

        var count = database.CreateTransaction();
        var addressFailures = count.StringIncrementAsync(FailuresKey(address));
        _ = count.KeyExpireAsync(FailuresKey(address), Options.ForgetAfter);
        var accountFailures = count.StringIncrementAsync(FailuresKey(account));
        _ = count.KeyExpireAsync(FailuresKey(account), Options.ForgetAfter);
        await count.ExecuteAsync();

        var addressCount = await addressFailures;
        var accountCount = await accountFailures;
        await Task.WhenAll(
            HoldAsync(database, address, SignInThrottle.HoldAfter(addressCount, Options.FreeFailuresPerAddress, Options.FirstDelay, Options.MaxAddressDelay)),
            HoldAsync(database, account, SignInThrottle.HoldAfter(accountCount, Options.FreeFailuresPerAccount, Options.FirstDelay, Options.MaxAccountDelay)));

        return new SignInThrottle.Attempt(
            TimeSpan.Zero, addressKey, accountKey, Before(addressCount), Before(accountCount), InRedis: true);
    }

    private Task HoldAsync(IDatabase database, string key, TimeSpan hold) =>
        hold > TimeSpan.Zero ? database.StringSetAsync(HoldKey(key), 1, hold) : Task.CompletedTask;

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

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
