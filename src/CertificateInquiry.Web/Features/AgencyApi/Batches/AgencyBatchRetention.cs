using CertificateInquiry.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.AgencyApi.Batches;

/// <summary>
/// Deletes the rows and results files of batches past their <c>ResultsExpireAtUtc</c> (completion plus
/// <c>AgencyApi:BatchRetention</c>, 30 days) and marks the batch, so that its results answer 410. Safe on several
/// servers at once: each step is a delete or an update that a second run finds already done. The batch itself (its
/// counts and idempotency key) stays.
/// </summary>
public sealed class AgencyBatchRetention(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AgencyBatchRetention> logger)
{
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = await db.AgencyBatches.AsNoTracking()
            .Where(b => b.ResultsExpireAtUtc != null && b.ResultsExpireAtUtc <= now && b.ResultsDeletedAtUtc == null)
            .OrderBy(b => b.ResultsExpireAtUtc)
            .Select(b => b.Id)
            .Take(100)
            .ToListAsync(cancellationToken);
        foreach (var id in expired)
        {
            await db.AgencyBatchFiles.Where(f => f.BatchId == id).ExecuteDeleteAsync(cancellationToken);
            await db.AgencyBatchRows.Where(r => r.BatchId == id).ExecuteDeleteAsync(cancellationToken);
            await db.AgencyBatches.Where(b => b.Id == id && b.ResultsDeletedAtUtc == null)
                .ExecuteUpdateAsync(set => set.SetProperty(b => b.ResultsDeletedAtUtc, now), cancellationToken);
        }

        if (expired.Count > 0)
        {
            logger.ResultsDeleted(expired.Count);
        }

        return expired.Count;
    }
}
