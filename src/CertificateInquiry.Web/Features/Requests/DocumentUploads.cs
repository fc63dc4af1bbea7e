using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests.Form;
using CertificateInquiry.Web.Infrastructure.Files;

namespace CertificateInquiry.Web.Features.Requests;

/// <summary>Stores the files of one form post as documents of a request, each file on its own.</summary>
internal static class DocumentUploads
{
    public sealed record Result(IReadOnlyList<RequestDocument> Added, IReadOnlyList<string> Replaced, int Refused);

    /// <summary>Refused files get their reason in <paramref name="modelState"/> under the field's name; <c>kinds</c> are the kinds the form offers, each file field named after its kind.</summary>
    public static async Task<Result> StoreAsync(
        InquiryRequest request, IFormFileCollection files, IReadOnlyList<DocumentKind> kinds, RequestStatus uploadedIn,
        DocumentStore store, TimeProvider clock, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var added = new List<RequestDocument>();
        var replaced = new List<string>();
        var refused = 0;
        foreach (var file in files)
        {
            if (file.Length == 0 && string.IsNullOrEmpty(file.FileName))
            {
                continue; // an empty file field: nothing chosen
            }

            if (!Choice.Is<DocumentKind>(file.Name) || !kinds.Contains(Enum.Parse<DocumentKind>(file.Name)))
            {
                // A file for a document this request does not ask for (a form from before an answer changed): said, not dropped.
                modelState.AddModelError(Choice.Is<DocumentKind>(file.Name) ? file.Name : "",
                    "فایل «" + file.FileName + "» برای مدرکی است که این درخواست آن را نمی‌خواهد و ذخیره نشد.");
                refused++;
                continue;
            }

            var kind = Enum.Parse<DocumentKind>(file.Name);
            var upload = await store.SaveAsync(file, request.Documents.Sum(d => d.Length), cancellationToken);
            if (!upload.IsStored)
            {
                modelState.AddModelError(file.Name, upload.Refusal!);
                refused++;
                continue;
            }

            if (kind != DocumentKind.Additional)
            {
                foreach (var previous in request.Documents.Where(d => d.Kind == kind).ToList())
                {
                    request.Documents.Remove(previous);
                    replaced.Add(previous.StoredName);
                }
            }

            var stored = upload.Document!;
            var document = new RequestDocument
            {
                RequestId = request.Id,
                Kind = kind,
                OriginalName = stored.DisplayName,
                StoredName = stored.StoredName,
                ContentType = stored.ContentType,
                Length = stored.Length,
                Sha256 = stored.Sha256,
                UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
                UploadedInStatus = uploadedIn,
            };
            request.Documents.Add(document);
            added.Add(document);
        }

        return new Result(added, replaced, refused);
    }

    /// <summary>
    /// Removes stored files: those of replaced documents once the new rows are saved, or those just written when
    /// their rows could not be saved (so no file is left without its row).
    /// </summary>
    public static void DeleteFiles(DocumentStore store, IEnumerable<string> storedNames)
    {
        foreach (var name in storedNames)
        {
            store.Delete(name);
        }
    }
}
