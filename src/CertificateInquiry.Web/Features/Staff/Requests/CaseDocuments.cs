using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Files;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>
/// A request's uploaded documents as staff open them: found only through the request in the user's scope (never a
/// draft; otherwise null, which the controller answers with a logged 404), and every opening of the bytes written to
/// the staff audit trail.
/// </summary>
public sealed class CaseDocuments(AppDbContext db, StaffScope scope, StaffAuditTrail trail, DocumentStore store, ILogger<CaseDocuments> logger)
{
    /// <summary>The document viewer page of one document, without its bytes (they come through <see cref="OpenAsync"/>).</summary>
    public async Task<DocumentViewerPage?> ViewerAsync(long requestId, long documentId, CancellationToken cancellationToken)
    {
        var found = await InScopeAsync(requestId, documentId, cancellationToken);
        return found is null ? null : new DocumentViewerPage(requestId, found.TrackingCode, found.Document);
    }

    /// <summary>The document's bytes, to be shown inline or downloaded; the opening is audited.</summary>
    public async Task<OpenedDocument?> OpenAsync(long requestId, long documentId, bool download, CancellationToken cancellationToken)
    {
        var found = await InScopeAsync(requestId, documentId, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var content = store.OpenRead(found.StoredName);
        if (content is null)
        {
            logger.LogError("Document {DocumentId} of request {RequestId} is missing from the document store", documentId, requestId);
            return new OpenedDocument(null, found.Document.ContentType, found.Document.OriginalName);
        }

        trail.Record(download ? "request.document.download" : "request.document.view", "Request",
            requestId.ToString(System.Globalization.CultureInfo.InvariantCulture), found.ProvinceId,
            details: DocumentKindText.Title(found.Document.Kind) + " (مدرک " + PersianText.ToPersianDigits(documentId) + ")");
        await db.SaveChangesAsync(cancellationToken);
        return new OpenedDocument(content, found.Document.ContentType, found.Document.OriginalName);
    }

    private sealed record Found(CaseDocument Document, string StoredName, string? TrackingCode, int? ProvinceId);

    private async Task<Found?> InScopeAsync(long requestId, long documentId, CancellationToken cancellationToken)
    {
        var found = await db.RequestDocuments.AsNoTracking()
            .Where(d => d.Id == documentId && d.RequestId == requestId)
            .Join(scope.Restrict(db.Requests.AsNoTracking(), r => r.ProvinceId).Where(r => r.Status != RequestStatus.Draft),
                d => d.RequestId, r => r.Id,
                (d, r) => new { d.Id, d.Kind, d.OriginalName, d.ContentType, d.Length, d.UploadedAtUtc, d.UploadedInStatus, d.StoredName, r.TrackingCode, r.ProvinceId })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null
            ? null
            : new Found(
                new CaseDocument(found.Id, found.Kind, found.OriginalName, found.ContentType, found.Length, found.UploadedAtUtc, found.UploadedInStatus),
                found.StoredName, found.TrackingCode, found.ProvinceId);
    }
}
