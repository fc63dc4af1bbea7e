using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.CertificateImport;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Admin.Import;

/// <summary>
/// /admin/import: the certificate import through the browser. The same <see cref="CertificateImporter"/> as the
/// <c>import-certificates</c> command, so the same file layout and the same all-or-nothing rule: a file with any bad row
/// writes nothing and the page lists the errors with their line and column; otherwise it says how many certificates
/// were inserted, updated and unchanged. Records come in as <see cref="RecordSource.Imported"/>.
/// </summary>
[Route("admin/import")]
public sealed class CertificateUploadController(
    CertificateImporter importer,
    StaffAuditTrail trail,
    Data.AppDbContext db,
    IOptions<CertificateUploadOptions> options,
    ILogger<CertificateUploadController> logger) : AdminController
{
    public const string FileField = "File";
    public const string SubjectType = "CertificateImport";
    public const string FileRequired = "فایل CSV را انتخاب کنید.";
    public const string EmptyFile = "فایل انتخاب‌شده خالی است.";
    public const string NotCsv = "فایل باید CSV باشد (با پسوند ‎.csv)؛ در Excel آن را با «CSV UTF-8» ذخیره کنید.";

    [HttpGet("")]
    public IActionResult Index() => View(new CertificateUploadPage(options.Value.MaxUploadBytes));

    [HttpPost("")]
    [TypeFilter(typeof(CertificateUploadLimitFilter), Order = CertificateUploadLimitFilter.RunsBeforeAntiforgery)]
    public async Task<IActionResult> Upload([FromForm(Name = FileField)] IFormFile? file, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var maxBytes = options.Value.MaxUploadBytes;
        var refusal = file switch
        {
            null or { FileName: null or "" } => FileRequired,
            _ when !string.Equals(Path.GetExtension(file.FileName), ".csv", StringComparison.OrdinalIgnoreCase) => NotCsv,
            { Length: 0 } => EmptyFile,
            { Length: var length } when length > maxBytes => CertificateUploadLimitFilter.TooLargeMessage(maxBytes),
            _ => null,
        };
        if (refusal is not null)
        {
            ModelState.AddModelError(FileField, refusal);
            return View(nameof(Index), new CertificateUploadPage(maxBytes));
        }

        var fileName = DisplayName(file!.FileName ?? "");
        ImportResult result;
        await using (var stream = file.OpenReadStream())
        {
            result = await importer.ImportAsync(stream, RecordSource.Imported, cancellationToken);
        }

        // The importer commits (or rolls back) its own transaction on its own connection (ADR-004), so the entry
        // follows it in a second, small write rather than sharing its transaction.
        trail.Record("certificate.import", SubjectType,
            toStatus: result.Succeeded ? "Imported" : "Refused",
            details: result.Succeeded
                ? $"فایل «{fileName}»: {P(result.Rows)} ردیف — {P(result.Inserted)} جدید، {P(result.Updated)} به‌روزشده، {P(result.Unchanged)} بدون تغییر."
                    + (result.NameConflicts.Count > 0 ? $" {P(result.NameConflicts.Count)} ردیف با نام دیگری برای دارنده ثبت‌شده؛ نام ثبت‌شده نگه داشته شد." : "")
                : $"فایل «{fileName}» پذیرفته نشد: {P(result.Errors.Count)} خطا؛ هیچ ردیفی وارد نشد.");
        await db.SaveChangesAsync(CancellationToken.None);
        logger.LogInformation("Browser import of {Bytes} bytes: {Outcome}", file.Length, result.Succeeded ? "imported" : "refused");

        return View("Result", new CertificateUploadResultPage(fileName, result, options.Value.ErrorsShown));
    }

    private static string P(int number) => PersianText.ToPersianDigits(number);

    /// <summary>The file's own name, without any folder a browser sent, control characters or excess length.</summary>
    private static string DisplayName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c))]);
        return name.Length <= 120 ? name : name[..120];
    }
}

/// <summary>The upload form; <paramref name="MaxUploadBytes"/> is said on the page.</summary>
public sealed record CertificateUploadPage(long MaxUploadBytes)
{
    public static string Header => string.Join(',', CertificateRowParser.Header);
}

/// <summary>The outcome: the counts, or the first <paramref name="ErrorsShown"/> errors and how many more there are.</summary>
public sealed record CertificateUploadResultPage(string FileName, ImportResult Result, int ErrorsShown)
{
    /// <summary>The first errors, never cutting a row short: every error of the last row shown is shown too.</summary>
    public IReadOnlyList<ImportError> ShownErrors => Result.Errors.Count <= ErrorsShown
        ? Result.Errors
        : [.. Result.Errors.Take(ErrorsShown), .. Result.Errors.Skip(ErrorsShown).TakeWhile(e => e.Line == Result.Errors[ErrorsShown - 1].Line)];

    public int MoreErrors => Result.Errors.Count - ShownErrors.Count;
}
