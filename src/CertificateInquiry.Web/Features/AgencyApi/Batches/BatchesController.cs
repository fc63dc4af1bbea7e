using System.Globalization;
using System.Text.Json;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Shared.Batches;
using CertificateInquiry.Web.Infrastructure.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.AgencyApi.Batches;

/// <summary>
/// Batch inquiries (scope <c>batch</c>, ADR-028): upload a CSV or XLSX file, follow the batch, download its results
/// and their signature. A batch is only ever shown to the agency that uploaded it (others get 404). Problem details
/// otherwise (ApiProblem).
/// </summary>
[ApiController]
[Route("api/v1/batches")]
[IgnoreAntiforgeryToken]
public sealed class BatchesController(AppDbContext db) : ControllerBase
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Room for the multipart framing and the three small fields beside the file.</summary>
    public const long FormMargin = 1024 * 1024;

    /// <summary>The file section may be a little over the file limit, so that the reader refuses it as <c>too_large</c> with a batch to show.</summary>
    public const long MaxRequestBytes = BatchFileLimits.DefaultMaxBytes + FormMargin;

    /// <summary>A purpose, case reference or officer ID is at most 64 characters; a field of 4 KB is junk.</summary>
    public const int MaxFieldBytes = 4096;

    /// <summary>Uploads a batch file; answers 202 with the batch's address in Location.</summary>
    /// <remarks>
    /// The same Idempotency-Key with the same file returns the batch made before (200, same Location); with another
    /// file, 422. A file that cannot be read as a whole is stored as a rejected batch with its reason (202 as well,
    /// status rejected); bad rows never refuse the file. The batch's valid rows are taken from the daily quota at upload:
    /// a batch larger than what is left is refused with 429 and nothing is stored.
    /// </remarks>
    [HttpPost]
    [AgencyApiAccess(AgencyScopes.Batch)]
    [RequestSizeLimit(MaxRequestBytes + FormMargin)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes, ValueLengthLimit = MaxFieldBytes, ValueCountLimit = 16, MultipartHeadersLengthLimit = 8192)]
    [ApiRequestBody(typeof(BatchUploadInput), "multipart/form-data")]
    [ProducesResponseType<BatchView>(StatusCodes.Status202Accepted, "application/json")]
    [ProducesResponseType<BatchView>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status413PayloadTooLarge, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status415UnsupportedMediaType, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status422UnprocessableEntity, ApiProblem.ContentType)]
    [EndpointName("createBatch")]
    public async Task<IActionResult> Upload(
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey, [FromServices] AgencyBatchUploads uploads, CancellationToken cancellationToken)
    {
        var key = Request.Headers[IdempotencyKeyHeader];
        if (key.Count != 1 || !IsIdempotencyKey(key[0]))
        {
            return ApiProblem.InvalidInput([new ApiFieldError(IdempotencyKeyHeader, key.Count == 0 ? "missing_idempotency_key" : "invalid_idempotency_key",
                "سرآیند Idempotency-Key را با ۱ تا ۶۴ نویسه لاتین چاپی بفرستید.", "Send one Idempotency-Key header of 1 to 64 printable ASCII characters.")]).ToResult();
        }

        idempotencyKey = key[0]!;
        if (!Request.HasFormContentType || !Request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return new ApiProblem(ApiProblem.TypeBase + "unsupported-media-type", "The body must be multipart/form-data with the file in the field file.",
                "بدنه درخواست باید multipart/form-data و فایل در فیلد file باشد.", StatusCodes.Status415UnsupportedMediaType).ToResult();
        }

        if (Request.ContentLength > MaxRequestBytes + FormMargin)
        {
            return TooLarge();
        }

        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException exception) when (exception.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase))
        {
            return TooLarge();
        }
        catch (InvalidDataException)
        {
            return Malformed("The multipart body cannot be read, or a field is longer than " + MaxFieldBytes.ToString(CultureInfo.InvariantCulture) + " bytes.");
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (BadHttpRequestException)
        {
            return Malformed("The multipart body cannot be read.");
        }
        catch (IOException)
        {
            return Malformed("The multipart body ended early or cannot be read.");
        }

        // Multipart form fields are not held to the form's value length limit: a 5 MB field is refused here.
        if (form.Any(field => field.Key.Length > MaxFieldBytes || field.Value.Any(value => value?.Length > MaxFieldBytes)))
        {
            return Malformed("A form field is longer than " + MaxFieldBytes.ToString(CultureInfo.InvariantCulture) + " characters.");
        }

        var errors = new List<ApiFieldError>();
        var files = form.Files;
        if (files.Count != 1 || !string.Equals(files[0].Name, "file", StringComparison.Ordinal))
        {
            errors.Add(new ApiFieldError("file", files.Count == 0 ? "missing_file" : "one_file",
                "یک فایل، و تنها یکی، در فیلد file بفرستید.", "Send exactly one file, in the field named file."));
        }

        var confidential = InquiryContextRules.ReadConfidential(Single(form, "confidential"), errors);
        var context = InquiryContextRules.Read(Request, Single(form, "purpose"), Single(form, "caseReference"), Single(form, "officerId"), errors) is { } read
            ? read with { Confidential = confidential }
            : null;
        if (errors.Count > 0 || context is null)
        {
            return ApiProblem.InvalidInput(errors).ToResult();
        }

        var caller = AgencyCaller.Of(HttpContext);
        var result = await uploads.UploadAsync(HttpContext, caller, idempotencyKey, context, files[0], cancellationToken);
        if (result.Problem is { } problem)
        {
            if (result.RetryAfterSeconds is { } seconds)
            {
                Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            return problem.ToResult();
        }

        var batch = result.Batch!;
        Response.Headers.Location = "/api/v1/batches/" + batch.Id;
        return Json(BatchView.Of(batch), result.Created ? StatusCodes.Status202Accepted : StatusCodes.Status200OK);
    }

    /// <summary>The agency's batches, newest first, a page at a time.</summary>
    [HttpGet]
    [AgencyApiAccess(AgencyScopes.Batch)]
    [ProducesResponseType<BatchList>(StatusCodes.Status200OK, "application/json")]
    [EndpointName("listBatches")]
    public async Task<IActionResult> List([FromQuery] int page = 1, [FromQuery] int pageSize = 20, CancellationToken cancellationToken = default)
    {
        page = Math.Clamp(page, 1, 100_000);
        pageSize = Math.Clamp(pageSize, 1, 100);
        var agencyId = AgencyCaller.Of(HttpContext).Agency.Id;
        var mine = db.AgencyBatches.AsNoTracking().Where(b => b.AgencyClientId == agencyId);
        var total = await mine.CountAsync(cancellationToken);
        var batches = await mine.OrderByDescending(b => b.CreatedAtUtc).ThenByDescending(b => b.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return Json(new BatchList(page, pageSize, total, [.. batches.Select(BatchView.Of)]), StatusCodes.Status200OK);
    }

    /// <summary>A batch: its status (queued, running, completed, rejected), counts, times and, once completed, where its results are.</summary>
    [HttpGet("{id:length(32)}")]
    [AgencyApiAccess(AgencyScopes.Batch)]
    [ProducesResponseType<BatchView>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [EndpointName("getBatch")]
    public async Task<IActionResult> Get(string id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) is { } batch ? Json(BatchView.Of(batch), StatusCodes.Status200OK) : NoSuchBatch();

    /// <summary>The results file: one line per input row, in input order (one per certificate for an inquiry.person row without a number); the same bytes every time.</summary>
    [HttpGet("{id:length(32)}/results")]
    [AgencyApiAccess(AgencyScopes.Batch)]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status409Conflict, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status410Gone, ApiProblem.ContentType)]
    [EndpointName("getBatchResults")]
    public async Task<IActionResult> Results(string id, [FromQuery] string? format, [FromServices] AgencyBatchResults results, CancellationToken cancellationToken)
    {
        var (file, problem) = await ResultsFileAsync(id, format, results, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var kind = file!.Format == "xlsx" ? BatchFileFormat.Xlsx : BatchFileFormat.Csv;
        return File(file.Content, BatchResultWriter.ContentType(kind), AgencyBatchResults.FileName(id, kind));
    }

    /// <summary>The signature of the results file in a format: a compact JWS (ES256) whose payload names the file and its SHA-256; keys at /.well-known/jwks.json.</summary>
    [HttpGet("{id:length(32)}/results.jws")]
    [AgencyApiAccess(AgencyScopes.Batch)]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status409Conflict, ApiProblem.ContentType)]
    [ProducesResponseType<ApiProblem>(StatusCodes.Status410Gone, ApiProblem.ContentType)]
    [EndpointName("getBatchResultsSignature")]
    public async Task<IActionResult> Signature(string id, [FromQuery] string? format, [FromServices] AgencyBatchResults results, CancellationToken cancellationToken)
    {
        var (file, problem) = await ResultsFileAsync(id, format, results, cancellationToken);
        return problem ?? Content(file!.Signature, "application/jose");
    }

    private static bool IsIdempotencyKey(string? key) => key is { Length: > 0 and <= 64 } && key.All(c => c is >= '!' and <= '~');

    private static string? Single(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    private async Task<(AgencyBatchFile? File, IActionResult? Problem)> ResultsFileAsync(
        string id, string? format, AgencyBatchResults results, CancellationToken cancellationToken)
    {
        BatchFileFormat? kind = (format ?? "csv").ToLowerInvariant() switch
        {
            "csv" => BatchFileFormat.Csv,
            "xlsx" => BatchFileFormat.Xlsx,
            _ => null,
        };
        if (kind is null)
        {
            return (null, ApiProblem.InvalidInput([new ApiFieldError("format", "invalid_format", "قالب نتیجه باید csv یا xlsx باشد.", "format must be csv or xlsx.")]).ToResult());
        }

        var batch = await FindAsync(id, cancellationToken);
        if (batch is null)
        {
            return (null, NoSuchBatch());
        }

        if (batch.ResultsDeletedAtUtc is not null)
        {
            return (null, new ApiProblem(ApiProblem.TypeBase + "results-deleted", "The results of this batch were deleted at the end of their retention.",
                "نتیجه این دسته پس از پایان مدت نگه‌داری پاک شده است.", StatusCodes.Status410Gone).ToResult());
        }

        if (batch.Status != AgencyBatchStatus.Completed)
        {
            return (null, new ApiProblem(ApiProblem.TypeBase + "batch-not-completed",
                batch.Status == AgencyBatchStatus.Rejected ? "The file of this batch was rejected; it has no results." : "The batch is not completed yet; follow its status.",
                batch.Status == AgencyBatchStatus.Rejected ? "فایل این دسته پذیرفته نشد و نتیجه‌ای ندارد." : "پردازش این دسته هنوز تمام نشده است.",
                StatusCodes.Status409Conflict).ToResult());
        }

        return (await results.GetOrCreateAsync(batch, kind.Value, cancellationToken), null);
    }

    private async Task<AgencyBatch?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var agencyId = AgencyCaller.Of(HttpContext).Agency.Id;
        return await db.AgencyBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.AgencyClientId == agencyId, cancellationToken);
    }

    private static IActionResult NoSuchBatch() =>
        ApiProblem.NotFound("This client has no batch with this id.").ToResult();

    private static IActionResult TooLarge() =>
        new ApiProblem(ApiProblem.TypeBase + "payload-too-large",
            "The body is larger than " + (MaxRequestBytes + FormMargin).ToString(CultureInfo.InvariantCulture) + " bytes.",
            "بدنه درخواست بیش از اندازه بزرگ است.", StatusCodes.Status413PayloadTooLarge).ToResult();

    private static IActionResult Malformed(string detail) =>
        new ApiProblem(ApiProblem.TypeBase + "malformed-body", "The body cannot be read.", "بدنه درخواست خوانا نیست.", StatusCodes.Status400BadRequest, detail).ToResult();

    private ContentResult Json(object value, int status) =>
        new() { StatusCode = status, ContentType = "application/json", Content = JsonSerializer.Serialize(value, AgencyJson.Options) };
}
