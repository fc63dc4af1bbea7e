using System.Collections.Concurrent;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// The signed answers agencies fetch again by inquiry id: from the database (AgencyAnswers, written with the inquiry
/// audit, ADR-018), or, for the moments before the audit writer has stored them, from this server's memory, which
/// lets each go as soon as the writer reports it stored (<see cref="InquiryAudit.AnswersStored"/>). Only the agency
/// that asked gets its answer back; to any other it does not exist.
/// </summary>
public sealed class RecentAnswers : IDisposable
{
    /// <summary>
    /// Answers held while the database cannot be written: beyond this many (about 150 MB), new ones are fetchable
    /// once the writer catches up, not before.
    /// </summary>
    public const int MaxPending = 100_000;

    private readonly ConcurrentDictionary<string, StoredAnswer> pending = new(StringComparer.Ordinal);

    // Counted here: ConcurrentDictionary.Count takes every lock of the dictionary, and asked on each inquiry it cost
    // more than the inquiry's audit entry under load (bench/README.md).
    private int pendingCount;
    private readonly IServiceScopeFactory scopes;
    private readonly InquiryAudit audit;

    public RecentAnswers(IServiceScopeFactory scopes, InquiryAudit audit)
    {
        this.scopes = scopes;
        this.audit = audit;
        audit.AnswersStored += Forget;
    }

    public int PendingCount => Volatile.Read(ref pendingCount);

    public void Remember(StoredAnswer answer)
    {
        if (Volatile.Read(ref pendingCount) < MaxPending && pending.TryAdd(answer.InquiryId, answer))
        {
            Interlocked.Increment(ref pendingCount);
        }
    }

    /// <summary>The answer given to <paramref name="agencyId"/> under <paramref name="inquiryId"/>; null for any other agency and for an id not in the form the portal issues (32 lowercase hex digits), which is never looked up.</summary>
    public async Task<StoredAnswer?> FindAsync(string inquiryId, int agencyId, CancellationToken cancellationToken)
    {
        if (inquiryId.Length != 32 || !inquiryId.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        if (pending.TryGetValue(inquiryId, out var remembered))
        {
            return remembered.AgencyClientId == agencyId ? remembered : null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.AgencyAnswers.AsNoTracking()
            .Where(a => a.InquiryId == inquiryId && a.AgencyClientId == agencyId)
            .Select(a => new { a.InquiryId, a.AgencyClientId, a.AnsweredAtUtc, a.SignedAnswer })
            .SingleOrDefaultAsync(cancellationToken);
        return stored is null ? null
            : new StoredAnswer(stored.InquiryId, stored.AgencyClientId, new DateTimeOffset(stored.AnsweredAtUtc, TimeSpan.Zero), stored.SignedAnswer);
    }

    public void Dispose() => audit.AnswersStored -= Forget;

    private void Forget(IReadOnlyList<string> inquiryIds)
    {
        foreach (var inquiryId in inquiryIds)
        {
            if (pending.TryRemove(inquiryId, out _))
            {
                Interlocked.Decrement(ref pendingCount);
            }
        }
    }
}
