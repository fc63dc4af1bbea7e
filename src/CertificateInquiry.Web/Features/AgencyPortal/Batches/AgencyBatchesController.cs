using System.Text.Json;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.AgencyApi;
using CertificateInquiry.Web.Features.AgencyApi.Batches;
using CertificateInquiry.Web.Features.Shared.Batches;
using CertificateInquiry.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.AgencyPortal.Batches;

/// <summary>
/// Batches on the portal (<c>/agency/batches</c>): the upload form (file, purpose, case reference; the same upload as
/// the API's, <see cref="AgencyBatchUploads"/>, with an idempotency key made per rendering of the form), the agency's
/// history, one batch's page with its progress (live through <c>/progress</c> and wwwroot/js/agency-batch.js; a refresh
/// link without JavaScript) and its results and signatures once completed. Another agency's batch id is a 404.
/// </summary>
[Route(Path)]
public sealed class AgencyBatchesController(AgencyPortalMember member, AgencyPortalBatches batches, ILogger<AgencyBatchesController> logger)
    : AgencyPortalController
{
    public const string Path = "/agency/batches";

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? page, CancellationToken cancellationToken)
    {
        var caller = await member.CallerAsync(cancellationToken);
        if (caller is null)
        {
            return Inactive();
        }

        return await IndexViewAsync(new BatchUploadForm { IdempotencyKey = BatchUploadForm.NewKey() }, caller, page, cancellationToken);
    }

    [HttpPost("")]
    [RequestSizeLimit(BatchesController.MaxRequestBytes + BatchesController.FormMargin)]
    [RequestFormLimits(MultipartBodyLengthLimit = BatchesController.MaxRequestBytes, ValueLengthLimit = BatchesController.MaxFieldBytes, ValueCountLimit = 16)]
    public async Task<IActionResult> Upload(BatchUploadForm form, [FromServices] AgencyBatchUploads uploads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ModelState.Clear();
        var caller = await member.CallerAsync(cancellationToken);
        if (caller is null)
        {
            return Inactive();
        }

        if (!caller.Has(AgencyScopes.Batch))
        {
            return await IndexViewAsync(Fresh(form), caller, null, cancellationToken);
        }

        // Multipart fields are not held to the form's value limit: anything longer than a field can be is refused here.
        if (Request.Form.Any(field => field.Key.Length > BatchesController.MaxFieldBytes || field.Value.Any(v => v?.Length > BatchesController.MaxFieldBytes)))
        {
            ModelState.AddModelError(string.Empty, "یکی از خانه‌های فرم بیش از اندازه بلند است؛ صفحه را تازه کنید و دوباره بفرستید.");
            return await IndexViewAsync(Fresh(form), caller, null, cancellationToken);
        }

        if (!BatchUploadForm.IsKey(form.IdempotencyKey))
        {
            ModelState.AddModelError(string.Empty, "فرم کامل نرسید؛ صفحه را تازه کنید و دوباره بفرستید.");
            return await IndexViewAsync(Fresh(form), caller, null, cancellationToken);
        }

        var apiErrors = new List<ApiFieldError>();
        if (form.File is not { Length: > 0 } || Request.Form.Files.Count != 1)
        {
            ModelState.AddModelError(nameof(BatchUploadForm.File), form.File is { Length: 0 }
                ? "فایل برگزیده خالی است (۰ بایت)؛ فایل پرشده را برگزینید."
                : "یک فایل CSV یا XLSX برگزینید.");
        }

        // The officer is the signed-in member: the batch and every row's audit name their portal account.
        var context = InquiryContextRules.Read(Request, form.Purpose ?? string.Empty, form.CaseReference ?? string.Empty,
            AgencyInquiryOfficer(), apiErrors);
        foreach (var error in apiErrors)
        {
            ModelState.AddModelError(error.Field == "caseReference" ? nameof(BatchUploadForm.CaseReference) : nameof(BatchUploadForm.Purpose), error.Message);
        }

        if (!ModelState.IsValid || context is null)
        {
            return await IndexViewAsync(Echo(form), caller, null, cancellationToken);
        }

        var result = await uploads.UploadAsync(HttpContext, caller, form.IdempotencyKey!, context with { Confidential = form.Confidential }, form.File!, cancellationToken);
        if (result.Problem is { } problem)
        {
            if (problem.Status == StatusCodes.Status422UnprocessableEntity)
            {
                ModelState.AddModelError(nameof(BatchUploadForm.File), "این فرم پیش‌تر با فایل دیگری فرستاده شده است؛ فایل را دوباره برگزینید و بفرستید.");
                return await IndexViewAsync(Fresh(form), caller, null, cancellationToken);
            }

            ModelState.AddModelError(nameof(BatchUploadForm.File), result.RetryAfterSeconds is not null
                ? "ردیف‌های درست این فایل بیش از سهمیه باقی‌مانده امروز دستگاه شماست؛ فایل کوچک‌تری بفرستید یا این فایل را پس از نیمه‌شب به وقت ایران بفرستید. چیزی ثبت نشد."
                : problem.TitleFa);
            return await IndexViewAsync(Echo(form), caller, null, cancellationToken);
        }

        var batch = result.Batch!;
        logger.PortalBatchUploaded(caller.Agency.Id, member.UserId, batch.Id, result.Created);
        return Redirect(Path + "/" + batch.Id);
    }

    [HttpGet("{id:length(32)}")]
    public async Task<IActionResult> Show(string id, CancellationToken cancellationToken)
    {
        var batch = await FindAsync(id, cancellationToken);
        return batch is null ? NotFound() : View("Batch", new BatchPage(batch, BatchProgress.Of(batch)));
    }

    /// <summary>The progress bar's data for the page's script: no caching, JSON only.</summary>
    [HttpGet("{id:length(32)}/progress")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Progress(string id, CancellationToken cancellationToken)
    {
        var batch = await FindAsync(id, cancellationToken);
        return batch is null
            ? NotFound()
            : Content(JsonSerializer.Serialize(BatchProgress.Of(batch)), "application/json");
    }

    [HttpGet("{id:length(32)}/results")]
    public Task<IActionResult> Results(string id, [FromQuery] string? format, [FromServices] AgencyBatchResults results, CancellationToken cancellationToken) =>
        ResultsFileAsync(id, format, results, signature: false, cancellationToken);

    [HttpGet("{id:length(32)}/results.jws")]
    public Task<IActionResult> Signature(string id, [FromQuery] string? format, [FromServices] AgencyBatchResults results, CancellationToken cancellationToken) =>
        ResultsFileAsync(id, format, results, signature: true, cancellationToken);

    private async Task<IActionResult> ResultsFileAsync(string id, string? format, AgencyBatchResults results, bool signature, CancellationToken cancellationToken)
    {
        BatchFileFormat? kind = format switch
        {
            null or "csv" => BatchFileFormat.Csv,
            "xlsx" => BatchFileFormat.Xlsx,
            _ => null,
        };
        var batch = await FindAsync(id, cancellationToken);
        if (batch is null || kind is null)
        {
            return NotFound();
        }

        if (batch.Status != AgencyBatchStatus.Completed || batch.ResultsDeletedAtUtc is not null)
        {
            // The batch's page says why there is nothing to download (not finished, rejected, or deleted after 30 days).
            return Redirect(Path + "/" + batch.Id);
        }

        var file = await results.GetOrCreateAsync(batch, kind.Value, cancellationToken);
        var name = AgencyBatchResults.FileName(batch.Id, kind.Value);
        return signature
            ? File(System.Text.Encoding.ASCII.GetBytes(file.Signature), "application/jose", name + ".jws")
            : File(file.Content, BatchResultWriter.ContentType(kind.Value), name);
    }

    private async Task<AgencyBatch?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var batch = await batches.FindAsync(member.AgencyClientId, id, cancellationToken);
        if (batch is null)
        {
            logger.PortalForeignId(member.AgencyClientId, member.UserId);
        }

        return batch;
    }

    private async Task<IActionResult> IndexViewAsync(BatchUploadForm form, AgencyCaller caller, string? page, CancellationToken cancellationToken)
    {
        var (list, paging) = await batches.PageAsync(caller.Agency.Id, page, cancellationToken);
        return View("Index", new BatchesPage(form, caller.Has(AgencyScopes.Batch), caller.Has(AgencyScopes.Person), list, paging));
    }

    private string AgencyInquiryOfficer() => Inquiries.AgencyInquiryForm.PortalOfficerId(member.UserId);

    private IActionResult Inactive()
    {
        logger.PortalAgencyInactive(member.AgencyClientId, member.UserId);
        return Forbid(AgencyPortalDefaults.Scheme);
    }

    /// <summary>The form shown again with what was chosen and a new key (nothing was stored under the old one, or another file was).</summary>
    private static BatchUploadForm Fresh(BatchUploadForm form) => new()
    {
        Purpose = Cut(form.Purpose),
        CaseReference = Cut(form.CaseReference),
        IdempotencyKey = BatchUploadForm.NewKey(),
    };

    /// <summary>The form shown again with its own key: sending it again still makes at most one batch.</summary>
    private static BatchUploadForm Echo(BatchUploadForm form) => new()
    {
        Purpose = Cut(form.Purpose),
        CaseReference = Cut(form.CaseReference),
        IdempotencyKey = BatchUploadForm.IsKey(form.IdempotencyKey) ? form.IdempotencyKey : BatchUploadForm.NewKey(),
    };

    private static string? Cut(string? value) => value is { Length: > 100 } ? value[..100] : value;
}
