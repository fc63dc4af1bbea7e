using System.Collections.Concurrent;

namespace CertificateInquiry.Web.Infrastructure.SharedState;

/// <summary>
/// Spent solutions in this process's memory: with no Redis, a solution is refused twice on one server only (ADR-037).
/// TryAdd makes "spent once" hold for two requests racing; expired entries are swept now and then.
/// </summary>
public sealed class LocalSpentSolutions(TimeProvider clock) : ISpentSolutions
{
    private const int SweepEvery = 256;

    private readonly ConcurrentDictionary<string, (DateTimeOffset ExpiresAt, string? FormHash)> spent = new(StringComparer.Ordinal);
    private int additionsSinceSweep;

    Task<SpendOutcome> ISpentSolutions.TrySpendAsync(string signature, DateTimeOffset expiresAt, string? formHash) =>
        Task.FromResult(TrySpend(signature, expiresAt, formHash));

    /// <summary>Spends the solution in this process only; atomic across racing requests.</summary>
    public SpendOutcome TrySpend(string signature, DateTimeOffset expiresAt, string? formHash)
    {
        if (!spent.TryAdd(signature, (expiresAt, formHash)))
        {
            return formHash is not null && spent.TryGetValue(signature, out var first) && first.FormHash == formHash
                ? SpendOutcome.Resubmitted
                : SpendOutcome.Replayed;
        }

        if (Interlocked.Increment(ref additionsSinceSweep) % SweepEvery == 0)
        {
            var now = clock.GetUtcNow();
            foreach (var (key, (expires, _)) in spent)
            {
                if (expires <= now)
                {
                    spent.TryRemove(key, out _);
                }
            }
        }

        return SpendOutcome.Spent;
    }
}
