using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
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

    // The signed answers wait outside the managed heap. Held a second or two each, thousands a second, they outlived
    // the young generation, and the collections that moved them on gave the API its p99 of 40 to 200 ms
    // (bench/README.md). The lock keeps a fetch from reading an answer while the writer's report frees it.
    private readonly ConcurrentDictionary<string, PendingAnswer> pending = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private readonly IServiceScopeFactory scopes;
    private readonly InquiryAudit audit;

    // Counted here: ConcurrentDictionary.Count takes every lock of the dictionary, and asked on each inquiry it cost
    // more than the inquiry's audit entry under load (bench/README.md).
    private int pendingCount;
    private bool disposed;

    public RecentAnswers(IServiceScopeFactory scopes, InquiryAudit audit)
    {
        this.scopes = scopes;
        this.audit = audit;
        audit.AnswersStored += Forget;
    }

    public int PendingCount => Volatile.Read(ref pendingCount);

    public void Remember(StoredAnswer answer)
    {
        if (Volatile.Read(ref pendingCount) >= MaxPending)
        {
            return;
        }

        // No lock here, on the path of every inquiry: an answer added while the portal shuts down is left to the
        // process's end.
        var held = PendingAnswer.Hold(answer);
        if (!Volatile.Read(ref disposed) && pending.TryAdd(answer.InquiryId, held))
        {
            Interlocked.Increment(ref pendingCount);
        }
        else
        {
            held.Free();
        }
    }

    /// <summary>The answer given to <paramref name="agencyId"/> under <paramref name="inquiryId"/>; null for any other agency and for an id not in the form the portal issues (32 lowercase hex digits), which is never looked up.</summary>
    public async Task<StoredAnswer?> FindAsync(string inquiryId, int agencyId, CancellationToken cancellationToken)
    {
        if (inquiryId.Length != 32 || !inquiryId.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        lock (gate)
        {
            if (pending.TryGetValue(inquiryId, out var remembered))
            {
                return remembered.AgencyClientId == agencyId ? remembered.ToStoredAnswer(inquiryId) : null;
            }
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

    public void Dispose()
    {
        audit.AnswersStored -= Forget;
        lock (gate)
        {
            Volatile.Write(ref disposed, true);
            foreach (var held in pending.Values)
            {
                held.Free();
            }

            pending.Clear();
            pendingCount = 0;
        }
    }

    private void Forget(IReadOnlyList<string> inquiryIds)
    {
        lock (gate)
        {
            foreach (var inquiryId in inquiryIds)
            {
                if (pending.TryRemove(inquiryId, out var held))
                {
                    held.Free();
                    Interlocked.Decrement(ref pendingCount);
                }
            }
        }
    }

    /// <summary>A signed answer (ASCII) in unmanaged memory, freed once; read and freed only under the lock.</summary>
    private sealed class PendingAnswer(int agencyClientId, DateTimeOffset answeredAt, nint bytes, int length)
    {
        private nint bytes = bytes;

        public int AgencyClientId { get; } = agencyClientId;

        public static PendingAnswer Hold(StoredAnswer answer)
        {
            var length = answer.SignedAnswer.Length;
            var buffer = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                Encoding.ASCII.GetBytes(answer.SignedAnswer, buffer);
                var bytes = Marshal.AllocHGlobal(Math.Max(length, 1));
                Marshal.Copy(buffer, 0, bytes, length);
                return new PendingAnswer(answer.AgencyClientId, answer.AnsweredAt, bytes, length);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        public StoredAnswer ToStoredAnswer(string inquiryId)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                Marshal.Copy(bytes, buffer, 0, length);
                return new StoredAnswer(inquiryId, AgencyClientId, answeredAt, Encoding.ASCII.GetString(buffer, 0, length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        public void Free()
        {
            Marshal.FreeHGlobal(bytes);
            bytes = 0;
        }
    }
}
