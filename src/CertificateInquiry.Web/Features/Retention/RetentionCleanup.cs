using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests;
using CertificateInquiry.Web.Features.Requests.Form;
using CertificateInquiry.Web.Infrastructure.Files;
using CertificateInquiry.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Retention;

/// <summary>
/// Deletes what the portal no longer needs (ADR-038): one-time codes that can no longer be used or counted, drafts
/// abandoned for <see cref="RetentionOptions.AbandonedDraftsAfter"/> with their uploaded files, and the marks of audit
/// journal segments written long ago. Every step is one conditional statement or a file deletion that may be repeated,
/// so two servers running it at once, or a process killed half-way, leave nothing wrong: the next pass finishes it.
/// Nothing of a submitted (or paid, or paper-letter) request is ever deleted. Expired agency batch results are
/// deleted by <c>AgencyBatchRetention</c>, which each batch worker already runs.
/// </summary>
public sealed class RetentionCleanup(
    AppDbContext db,
    DocumentStore store,
    IOptions<RetentionOptions> options,
    IOptions<PhoneVerificationOptions> codes,
    TimeProvider clock,
    ILogger<RetentionCleanup> logger)
{
    public async Task<RetentionResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var (spentCodes, codeSends) = await DeleteSpentCodesAsync(settings, now, cancellationToken);
        var (drafts, files) = settings.AbandonedDraftsAfter > TimeSpan.Zero
            ? await DeleteAbandonedDraftsAsync(settings, now - settings.AbandonedDraftsAfter, cancellationToken)
            : (0, 0);
        var segmentsBefore = now - settings.AuditSegmentsKeptFor;
        var segments = await db.InquiryAuditSegments.Where(s => s.WrittenAtUtc <= segmentsBefore).ExecuteDeleteAsync(cancellationToken);
        var result = new RetentionResult(spentCodes, codeSends, drafts, files, segments);
        logger.RetentionPass(spentCodes, codeSends, drafts, files, segments);
        return result;
    }

    /// <summary>
    /// A holder's sign-in code past the number's window starts a new series anyway, and a submitted request's codes are
    /// never asked about again; a draft's codes stay with the draft (its send count is its cap). The per-number sends
    /// older than the window are outside every cap.
    /// </summary>
    private async Task<(int Codes, int Sends)> DeleteSpentCodesAsync(RetentionOptions settings, DateTime now, CancellationToken cancellationToken)
    {
        var limits = codes.Value;
        var kept = Max(settings.SpentCodesKeptFor, Max(limits.NumberWindow, limits.CodeLifetime));
        var sentBefore = now - kept;
        var signIns = await db.PhoneVerifications
            .Where(v => v.RequestId == null && v.SentAtUtc <= sentBefore)
            .ExecuteDeleteAsync(cancellationToken);
        var ofSubmitted = await db.PhoneVerifications
            .Where(v => v.RequestId != null && v.SentAtUtc <= sentBefore
                && db.Requests.Any(r => r.Id == v.RequestId && r.Status != RequestStatus.Draft))
            .ExecuteDeleteAsync(cancellationToken);
        var sends = await db.SmsCodeSends.Where(s => s.SentAtUtc <= sentBefore).ExecuteDeleteAsync(cancellationToken);
        return (signIns + ofSubmitted, sends);
    }

    /// <summary>
    /// Each draft in three steps, each safe to repeat: its access key is replaced (the applicant's browser, or a tab
    /// still open, can no longer reach or save it, so it cannot come back to life half deleted); its files are deleted;
    /// then its row, with its documents' rows and codes by cascade. A kill between the steps leaves a draft still
    /// abandoned, found again by the next pass, never a row without its files or a file without its row.
    /// </summary>
    private async Task<(int Drafts, int Files)> DeleteAbandonedDraftsAsync(RetentionOptions settings, DateTime untouchedSince, CancellationToken cancellationToken)
    {
        int drafts = 0, files = 0;
        var afterId = 0L;
        while (true)
        {
            var page = await Abandoned(untouchedSince).Where(r => r.Id > afterId)
                .OrderBy(r => r.Id)
                .Select(r => r.Id)
                .Take(settings.BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var id in page)
            {
                var retired = await Abandoned(untouchedSince).Where(r => r.Id == id)
                    .ExecuteUpdateAsync(
                        set => set.SetProperty(r => r.AccessKey, RequestAccess.NewAccessKey()).SetProperty(r => r.Version, Guid.NewGuid()),
                        cancellationToken);
                if (retired == 0)
                {
                    continue; // touched again since it was read, or deleted by another server
                }

                var storedNames = await db.RequestDocuments.AsNoTracking().Where(d => d.RequestId == id).Select(d => d.StoredName).ToListAsync(cancellationToken);
                try
                {
                    foreach (var storedName in storedNames)
                    {
                        if (store.Delete(storedName))
                        {
                            files++;
                        }
                    }
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    logger.DraftFileNotDeleted(exception, id);
                    continue;
                }

                drafts += await Abandoned(untouchedSince).Where(r => r.Id == id).ExecuteDeleteAsync(CancellationToken.None);
            }

            if (page.Count < settings.BatchSize)
            {
                return (drafts, files);
            }

            afterId = page[^1];
        }
    }

    /// <summary>Drafts untouched since <paramref name="untouchedSince"/> that were never submitted, paid for or filed for a paper letter.</summary>
    private IQueryable<InquiryRequest> Abandoned(DateTime untouchedSince) =>
        db.Requests.Where(r => r.Status == RequestStatus.Draft && r.SubmittedAtUtc == null && r.TrackingCode == null && r.PaperLetterId == null
            && r.UpdatedAtUtc <= untouchedSince && !db.Payments.Any(p => p.RequestId == r.Id));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
