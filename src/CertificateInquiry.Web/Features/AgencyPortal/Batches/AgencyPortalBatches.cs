using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.AgencyPortal.Batches;

/// <summary>One agency's batches, for its portal pages: a page of its history (newest first) and one batch by id. Every read is filtered by the agency, so another agency's id is not found.</summary>
public sealed class AgencyPortalBatches(AppDbContext db)
{
    public const int PageSize = 20;

    public static bool IsBatchId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    public Task<AgencyBatch?> FindAsync(int agencyClientId, string? id, CancellationToken cancellationToken) =>
        IsBatchId(id)
            ? db.AgencyBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.AgencyClientId == agencyClientId, cancellationToken)
            : Task.FromResult<AgencyBatch?>(null);

    public async Task<(IReadOnlyList<AgencyBatch> Batches, Paging Paging)> PageAsync(int agencyClientId, string? page, CancellationToken cancellationToken)
    {
        var mine = db.AgencyBatches.AsNoTracking().Where(b => b.AgencyClientId == agencyClientId);
        var paging = Paging.For(page, PageSize, await mine.CountAsync(cancellationToken));
        var batches = await mine.OrderByDescending(b => b.CreatedAtUtc).ThenByDescending(b => b.Id).Page(paging).ToListAsync(cancellationToken);
        return (batches, paging);
    }
}
