using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.Identity;

/// <summary>
/// Slows down guessing at staff sign-in, per client address and per account (the e-mail typed, whether or not an
/// account has it), instead of locking accounts: a few failures are free, then each failure holds the key back for a
/// delay that doubles, capped (<see cref="SignInThrottleOptions"/>). An attempt is counted as a failure when it
/// starts, in the same step as it is checked, so that a burst of parallel requests cannot slip past the count, and
/// the count is given back when it succeeds. Attempts refused while a key is held back are neither checked nor
/// counted, so hammering does not lengthen the wait of the account's owner. In this process's memory: on one server,
/// and on each server while Redis is away (<see cref="RedisSignInThrottle"/> counts for all of them otherwise).
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IOptions<StaffOptions> options) : ISignInThrottle
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly Lock checkAndCount = new();
    private int purging;

    private SignInThrottleOptions Options => options.Value.SignInThrottle;

    /// <inheritdoc cref="ISignInThrottle.TryStartAsync"/>
    public Attempt TryStart(IPAddress? address, string account)
    {
        var now = clock.GetUtcNow();
        var addressKey = AddressKey(address);
        var accountKey = AccountKey(account);
        Attempt attempt;

        // The check and the count in one step: else a burst of parallel guesses could all find the key not held yet
        // and all go ahead. Microseconds under the lock; the password check comes after it.
        lock (checkAndCount)
        {
            var wait = Max(Wait(addressKey, now), Wait(accountKey, now));
            if (wait > TimeSpan.Zero)
            {
                return new Attempt(wait, addressKey, accountKey, default, default);
            }

            var addressBefore = Fail(addressKey, now, Options.FreeFailuresPerAddress, Options.MaxAddressDelay);
            var accountBefore = Fail(accountKey, now, Options.FreeFailuresPerAccount, Options.MaxAccountDelay);
            attempt = new Attempt(TimeSpan.Zero, addressKey, accountKey, addressBefore, accountBefore);
        }

        PurgeIfFull(now);
        return attempt;
    }

    /// <inheritdoc cref="ISignInThrottle.SucceededAsync"/>
    public void Succeeded(Attempt attempt)
    {
        entries.TryRemove(attempt.AccountKey, out _);
        Restore(attempt.AddressKey, attempt.AddressBefore);
    }

    /// <inheritdoc cref="ISignInThrottle.GiveBackAsync"/>
    public void GiveBack(Attempt attempt)
    {
        Restore(attempt.AddressKey, attempt.AddressBefore);
        Restore(attempt.AccountKey, attempt.AccountBefore);
    }

    Task<Attempt> ISignInThrottle.TryStartAsync(IPAddress? address, string account) => Task.FromResult(TryStart(address, account));

    Task ISignInThrottle.SucceededAsync(Attempt attempt)
    {
        Succeeded(attempt);
        return Task.CompletedTask;
    }

    Task ISignInThrottle.GiveBackAsync(Attempt attempt)
    {
        GiveBack(attempt);
        return Task.CompletedTask;
    }

    /// <summary>The hold after a key's <paramref name="failures"/>th failure: none while free, then doubling up to the cap.</summary>
    internal static TimeSpan HoldAfter(long failures, int freeFailures, TimeSpan firstDelay, TimeSpan maxDelay)
    {
        if (failures < freeFailures)
        {
            return TimeSpan.Zero;
        }

        var doublings = (int)Math.Min(failures - freeFailures, 30);
        return TimeSpan.FromTicks(Math.Min(firstDelay.Ticks * (1L << doublings), maxDelay.Ticks));
    }

    private void Restore(string key, State before)
    {
        if (entries.TryGetValue(key, out var entry))
        {
            lock (entry)
            {
                // Other attempts may have counted meanwhile: take back this one only.
                entry.Failures = Math.Max(0, entry.Failures - 1);
                if (entry.Failures <= before.Failures)
                {
                    entry.LastFailure = before.LastFailure;
                    entry.BlockedUntil = before.BlockedUntil;
                }
            }
        }
    }

    private TimeSpan Wait(string key, DateTimeOffset now)
    {
        if (!entries.TryGetValue(key, out var entry))
        {
            return TimeSpan.Zero;
        }

        lock (entry)
        {
            return entry.BlockedUntil > now ? entry.BlockedUntil - now : TimeSpan.Zero;
        }
    }

    private State Fail(string key, DateTimeOffset now, int freeFailures, TimeSpan maxDelay)
    {
        var entry = entries.GetOrAdd(key, _ => new Entry());
        lock (entry)
        {
            var before = new State(entry.Failures, entry.LastFailure, entry.BlockedUntil);
            if (now - entry.LastFailure > Options.ForgetAfter)
            {
                entry.Failures = 0;
            }

            entry.Failures++;
            entry.LastFailure = now;
            if (entry.Failures >= freeFailures)
            {
                entry.BlockedUntil = now + HoldAfter(entry.Failures, freeFailures, Options.FirstDelay, maxDelay);
            }

            return before;
        }
    }

    /// <summary>A flood of made-up e-mails must not fill the memory: forgotten keys go first, then the oldest half.</summary>
    private void PurgeIfFull(DateTimeOffset now)
    {
        if (entries.Count <= Options.MaxKeys || Interlocked.Exchange(ref purging, 1) == 1)
        {
            return;
        }

        try
        {
            foreach (var (key, entry) in entries)
            {
                if (now - entry.LastFailure > Options.ForgetAfter)
                {
                    entries.TryRemove(key, out _);
                }
            }

            if (entries.Count > Options.MaxKeys)
            {
                foreach (var (key, _) in entries.OrderBy(pair => pair.Value.LastFailure).Take(entries.Count / 2).ToList())
                {
                    entries.TryRemove(key, out _);
                }
            }
        }
        finally
        {
            Volatile.Write(ref purging, 0);
        }
    }

    /// <summary>An IPv4 address as it is; an IPv6 one by its /64, which one household or server is usually given whole.</summary>
    internal static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "a:unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return "a:" + new IPAddress(bytes) + "/64";
        }

        return "a:" + address;
    }

    internal static string AccountKey(string account) => "e:" + (account.Length > 256 ? account[..256] : account);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>
    /// One attempt: how long it must wait (zero: it went ahead), and what it changed, so that it can be taken back;
    /// <paramref name="InRedis"/> when it was counted in Redis rather than in this process.
    /// </summary>
    public readonly record struct Attempt(
        TimeSpan RetryAfter, string AddressKey, string AccountKey, State AddressBefore, State AccountBefore, bool InRedis = false)
    {
        public bool IsHeldBack => RetryAfter > TimeSpan.Zero;
    }

    /// <summary>A key's count as it was before an attempt.</summary>
    public readonly record struct State(int Failures, DateTimeOffset LastFailure, DateTimeOffset BlockedUntil);

    private sealed class Entry
    {
        public int Failures;
        public DateTimeOffset LastFailure = DateTimeOffset.MinValue;
        public DateTimeOffset BlockedUntil = DateTimeOffset.MinValue;
    }
}
