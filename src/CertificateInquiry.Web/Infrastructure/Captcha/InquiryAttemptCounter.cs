using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.Captcha;

/// <summary>
/// Inquiry attempts per client (by the audit's keyed address hash) in a fixed window that starts with the client's
/// first attempt. In memory: each server counts on its own, as the rate limiter does.
/// </summary>
public sealed class InquiryAttemptCounter(IOptions<CaptchaOptions> options, TimeProvider clock)
{
    // Past this many clients in one window (a flood from many addresses) new clients are not remembered but
    // counted as past the threshold: the table stays bounded and everyone then solves the CAPTCHA.
    internal const int MaxClients = 200_000;

    // Stale windows are dropped at most this often, by whichever request comes first: a sweep walks the table.
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly TimeSpan window = options.Value.Window;
    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> windows = new(StringComparer.Ordinal);

    // Kept beside the table because ConcurrentDictionary.Count takes every lock; approximate under races, which
    // is all a bound needs.
    private int clients;
    private long lastSweepTicks = clock.GetUtcNow().UtcTicks;

    /// <summary>Attempts made in the client's current window.</summary>
    public int Count(string clientHash)
    {
        if (!windows.TryGetValue(clientHash, out var entry))
        {
            return Volatile.Read(ref clients) >= MaxClients ? int.MaxValue : 0;
        }

        return clock.GetUtcNow() - entry.Start < window ? entry.Count : 0;
    }

    /// <summary>Counts one attempt and returns how many the client had made before it in the window.</summary>
    public int Add(string clientHash)
    {
        var now = clock.GetUtcNow();
        var lastSweep = Interlocked.Read(ref lastSweepTicks);
        if (now.UtcTicks - lastSweep >= SweepInterval.Ticks
            && Interlocked.CompareExchange(ref lastSweepTicks, now.UtcTicks, lastSweep) == lastSweep)
        {
            Sweep(now);
        }

        if (Volatile.Read(ref clients) >= MaxClients && !windows.ContainsKey(clientHash))
        {
            return int.MaxValue;
        }

        if (windows.TryAdd(clientHash, (now, 1)))
        {
            Interlocked.Increment(ref clients);
            return 0;
        }

        var entry = windows.AddOrUpdate(
            clientHash,
            _ => (now, 1),
            (_, current) => now - current.Start < window ? (current.Start, current.Count + 1) : (now, 1));
        return entry.Count - 1;
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (client, entry) in windows)
        {
            if (now - entry.Start >= window && windows.TryRemove(new KeyValuePair<string, (DateTimeOffset, int)>(client, entry)))
            {
                Interlocked.Decrement(ref clients);
            }
        }
    }
}
