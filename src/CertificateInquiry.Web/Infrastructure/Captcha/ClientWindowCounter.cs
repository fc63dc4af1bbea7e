using System.Collections.Concurrent;
using CertificateInquiry.Web.Infrastructure.SharedState;

namespace CertificateInquiry.Web.Infrastructure.Captcha;

/// <summary>
/// Events per client (a keyed address hash) in a fixed window that starts with the client's first event, in this
/// process's memory (each server counts on its own; RedisWindowCounter shares it, ADR-037). Bounded: past <see cref="MaxClients"/> clients in one window a
/// new client counts as over every limit (the table stays small under a flood from many addresses). <see cref="Add"/> is
/// atomic, so parallel requests each see a different count, and <see cref="Remove"/> gives one back.
/// </summary>
public sealed class ClientWindowCounter(TimeSpan window, TimeProvider clock) : IWindowCounter
{
    internal const int MaxClients = 200_000;

    // Stale windows are dropped at most this often, by whichever request comes first: a sweep walks the table.
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (DateTimeOffset Start, int Count)> windows = new(StringComparer.Ordinal);

    // Kept beside the table because ConcurrentDictionary.Count takes every lock; approximate under races, which
    // is all a bound needs.
    private int clients;
    private long lastSweepTicks = clock.GetUtcNow().UtcTicks;

    /// <summary>Events counted in the client's current window.</summary>
    public int Count(string clientHash)
    {
        if (!windows.TryGetValue(clientHash, out var entry))
        {
            return Volatile.Read(ref clients) >= MaxClients ? int.MaxValue : 0;
        }

        return clock.GetUtcNow() - entry.Start < window ? entry.Count : 0;
    }

    /// <summary>Counts one event and returns how many the client had in the window before it.</summary>
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

    /// <summary>Takes back one event counted by <see cref="Add"/> (one that was then refused and cost nothing).</summary>
    public void Remove(string clientHash) =>
        windows.AddOrUpdate(clientHash, _ => (clock.GetUtcNow(), 0), (_, current) => (current.Start, Math.Max(0, current.Count - 1)));

    Task<int> IWindowCounter.CountAsync(string clientHash) => Task.FromResult(Count(clientHash));

    Task<int> IWindowCounter.AddAsync(string clientHash) => Task.FromResult(Add(clientHash));

    Task IWindowCounter.RemoveAsync(string clientHash)
    {
        Remove(clientHash);
        return Task.CompletedTask;
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
