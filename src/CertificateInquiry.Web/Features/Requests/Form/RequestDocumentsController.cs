using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Requests.Form;

/// <summary>
/// Step 4 of the request form: the documents. Each file is checked on its own; a refused file gets its reason
/// beside its field while the accepted ones are kept, so nothing else has to be chosen again.
/// </summary>
[Route("requests/form/documents")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class RequestDocumentsController(
    RequestDrafts drafts,
    DocumentStore store,
    AppDbContext db,
    TimeProvider clock,
    ILogger<RequestDocumentsController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Documents(CancellationToken cancellationToken)
    {
        var request = await drafts.FindCurrentAsync(HttpContext, cancellationToken);
        if (request is not { Status: RequestStatus.Draft })
        {
            return RedirectToAction("Start", "RequestForm");
        }

        DraftForms.Remember(HttpContext, request);
        return View(DocumentsPage.For(request, store.Limits));
    }

    [HttpPost("")]
    [RequestSizeLimit(RequestSizeLimitBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestSizeLimitBytes)]
    public async Task<IActionResult> Documents(bool? review, CancellationToken cancellationToken)
    {
        var request = await drafts.FindCurrentAsync(HttpContext, cancellationToken);
        if (DraftForms.Refuses(this, request, logger, out var refusal))
        {
            return refusal;
        }

        var form = await Request.ReadFormAsync(cancellationToken);
        var stored = await DocumentUploads.StoreAsync(request, form.Files, DocumentsPage.KindsFor(request), RequestStatus.Draft, store, clock, ModelState, cancellationToken);
        if (!await SaveOrUndoAsync(request, stored.Added, cancellationToken))
        {
            return View(DocumentsPage.For(request, store.Limits));
        }

        DocumentUploads.DeleteFiles(store, stored.Replaced);
        logger.DocumentsStored(request.Id, stored.Added.Count, stored.Refused);
        if (!ModelState.IsValid)
        {
            return View(DocumentsPage.For(request, store.Limits));
        }

        var missing = RequestCompleteness.MissingDocuments(request).ToList();
        if (missing.Count > 0)
        {
            foreach (var kind in missing)
            {
                ModelState.AddModelError(kind.ToString(), "تصویر «" + DocumentKindText.Title(kind, request.IsForeignNational) + "» را بارگذاری کنید.");
            }

            return View(DocumentsPage.For(request, store.Limits));
        }

        return RedirectToAction("Review", "RequestForm");
    }

    /// <summary>Removes one document of the draft (to choose another file).</summary>
    [HttpPost("remove")]
    public async Task<IActionResult> Remove(long documentId, CancellationToken cancellationToken)
    {
        var request = await drafts.FindCurrentAsync(HttpContext, cancellationToken);
        if (DraftForms.Refuses(this, request, logger, out var refusal))
        {
            return refusal;
        }

        var document = request.Documents.FirstOrDefault(d => d.Id == documentId);
        if (document is not null)
        {
            db.RequestDocuments.Remove(document);
            request.Documents.Remove(document);
            await drafts.SaveAsync(request, cancellationToken);
            store.Delete(document.StoredName);
            logger.DocumentRemoved(request.Id, documentId);
        }

        return RedirectToAction(nameof(Documents));
    }

    /// <summary>Above the per-request limit of the store, which gives the precise Persian reason; this only stops absurd bodies.</summary>
    public const long RequestSizeLimitBytes = 64L * 1024 * 1024;

    /// <summary>Saves the new document rows; when that fails the files just written are removed again so nothing is left half done.</summary>
    private async Task<bool> SaveOrUndoAsync(InquiryRequest request, IReadOnlyList<RequestDocument> added, CancellationToken cancellationToken)
    {
        try
        {
            await drafts.SaveAsync(request, cancellationToken);
            return true;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            DocumentUploads.DeleteFiles(store, added.Select(d => d.StoredName));

            ModelState.AddModelError("", RequestFormController.ConcurrentChangeMessage);
            return false;
        }
        catch
        {
            DocumentUploads.DeleteFiles(store, added.Select(d => d.StoredName));

            throw;
        }
    }
}

public sealed record DocumentsPage(InquiryRequest Request, IReadOnlyList<(DocumentKind Kind, bool Required)> Kinds, UploadOptions Limits)
{
    public static DocumentsPage For(InquiryRequest request, UploadOptions limits)
    {
        var required = RequestCompleteness.RequiredDocuments(request);
        return new(request, KindsFor(request).Select(kind => (kind, required.Contains(kind))).ToList(), limits);
    }

    /// <summary>The required documents, then the optional ones (a prerequisite may help even where not required).</summary>
    public static IReadOnlyList<DocumentKind> KindsFor(InquiryRequest request)
    {
        var kinds = RequestCompleteness.RequiredDocuments(request).ToList();
        if (!kinds.Contains(DocumentKind.Prerequisite))
        {
            kinds.Add(DocumentKind.Prerequisite);
        }

        kinds.Add(DocumentKind.PaperCertificate);
        return kinds;
    }
}
