using CertificateInquiry.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// The signed answers agencies fetch again by inquiry id: from the database (AgencyAnswers, written with the inquiry
/// audit, ADR-018), or for the moments before the audit writer has stored them, from this server's memory. Only the
/// agency that asked gets its answer back; to any other it does not exist.
/// </summary>
public sealed class RecentAnswers(IServiceScopeFactory scopes) : IDisposable
{
    private static readonly TimeSpan KeptInMemory = TimeSpan.FromMinutes(2);

    // Bounded: an agency sending as fast as its rate allows cannot make the server hold more than this many.
    private readonly MemoryCache memory = new(new MemoryCacheOptions { SizeLimit = 50_000 });

    public void Remember(StoredAnswer answer) =>
        memory.Set(Key(answer.InquiryId), answer, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = KeptInMemory, Size = 1 });

    public async Task<StoredAnswer?> FindAsync(string inquiryId, int agencyId, CancellationToken cancellationToken)
    {
        if (memory.TryGetValue(Key(inquiryId), out StoredAnswer? remembered) && remembered is not null)
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

    public void Dispose() => memory.Dispose();

    private static string Key(string inquiryId) => "agency-answer:" + inquiryId;
}
