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

    private const int SweepEvery = 1024;

    private readonly TimeSpan window = options.Value.Window;
    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> windows = new(StringComparer.Ordinal);
    private int additionsSinceSweep;

    /// <summary>Attempts made in the client's current window.</summary>
    public int Count(string clientHash)
    {
        if (!windows.TryGetValue(clientHash, out var entry))
        {
            return windows.Count >= MaxClients ? int.MaxValue : 0;
        }

        return clock.GetUtcNow() - entry.Start < window ? entry.Count : 0;
    }

    /// <summary>Counts one attempt and returns how many the client had made before it in the window.</summary>
    public int Add(string clientHash)
    {
        var now = clock.GetUtcNow();
        if (Interlocked.Increment(ref additionsSinceSweep) % SweepEvery == 0)
        {
            Sweep(now);
        }

        if (windows.Count >= MaxClients && !windows.ContainsKey(clientHash))
        {
            return int.MaxValue;
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
            if (now - entry.Start >= window)
            {
                windows.TryRemove(new KeyValuePair<string, (DateTimeOffset, int)>(client, entry));
            }
        }
    }
}
