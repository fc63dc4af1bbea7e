using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Corrections;
using CertificateInquiry.Web.Infrastructure.Files;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Holders.Corrections;

/// <summary>
/// «گزارش خطا»: a signed-in holder reports a wrong field of one of their certificates (choose the field, give the right
/// value, a note, a mobile for the answer and a document if they have one), and sees their reports with status and
/// answer. Another person's certificate is a 404. Every post carries an antiforgery token (the global filter).
/// </summary>
[Route("my/corrections")]
[Authorize(Policy = HolderPolicies.Holder)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class HolderCorrectionsController(HolderCorrections corrections, DocumentStore store) : Controller
{
    public const string Reported = "reported";

    /// <summary>The form and one document of the largest size the store accepts by default, with room to spare; more is a 413 before anything is read.</summary>
    public const long MaxRequestBytes = 8 * UploadOptions.Megabyte;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? done, CancellationToken cancellationToken) =>
        View(new HolderCorrectionsPage(await corrections.ListAsync(User.HolderIdentifier(), cancellationToken), done == Reported));

    /// <summary>Without a field: the certificate's fields with their values, each with a link to report it. With one: its form.</summary>
    [HttpGet("new")]
    public async Task<IActionResult> New([FromQuery] string? certificate, [FromQuery] string? field, CancellationToken cancellationToken)
    {
        var found = await corrections.FindAsync(User.HolderIdentifier(), certificate, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        if (field is null)
        {
            var open = await corrections.OpenFieldsAsync(found, cancellationToken);
            return View("Choose", new CorrectionChoosePage(found, open));
        }

        if (CorrectionValues.Parse(field) is not { } chosen)
        {
            return NotFound();
        }

        var input = new CorrectionReportInput { SubmissionKey = Guid.NewGuid().ToString("N") };
        return await FormAsync(found, chosen, input, cancellationToken);
    }

    [HttpPost("new")]
    [RequestSizeLimit(MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
    public async Task<IActionResult> Report(
        [FromQuery] string? certificate, [FromQuery] string? field, [FromForm] CorrectionReportInput input, IFormFile? document,
        CancellationToken cancellationToken)
    {
        ModelState.Clear(); // binding messages are English; every rule is the service's, in Persian
        if (CorrectionValues.Parse(field) is not { } chosen)
        {
            return NotFound();
        }

        var (outcome, _) = await corrections.ReportAsync(User.HolderIdentifier(), certificate, chosen, input, document, ModelState, cancellationToken);
        switch (outcome)
        {
            case ReportOutcome.NotFound:
                return NotFound();
            case ReportOutcome.Invalid:
                var found = await corrections.FindAsync(User.HolderIdentifier(), certificate, cancellationToken);
                return found is null ? NotFound() : await FormAsync(found, chosen, input, cancellationToken);
            default:
                return Redirect("/my/corrections?done=" + Reported);
        }
    }

    private async Task<IActionResult> FormAsync(Certificate certificate, CorrectionField field, CorrectionReportInput input, CancellationToken cancellationToken)
    {
        var standards = field == CorrectionField.Standard ? await corrections.StandardsAsync(cancellationToken) : [];
        var titles = certificate.Standard is { } standard
            ? new Dictionary<int, string> { [standard.Id] = Infrastructure.Persian.PersianText.ToPersianDigits(standard.Title) }
            : [];
        return View("Form", new CorrectionFormPage(certificate, field, CorrectionValues.Display(field, CorrectionValues.Current(field, certificate), titles),
            input, standards, store.Limits));
    }
}

public sealed record HolderCorrectionsPage(IReadOnlyList<HolderCorrectionRow> Rows, bool JustReported);

public sealed record CorrectionChoosePage(Certificate Certificate, IReadOnlySet<CorrectionField> OpenFields);

public sealed record CorrectionFormPage(
    Certificate Certificate, CorrectionField Field, string CurrentValue, CorrectionReportInput Input,
    IReadOnlyList<(string Value, string Text)> Standards, UploadOptions Limits)
{
    public string FieldTitle => CorrectionValues.Title(Field);

    public string Action => "/my/corrections/new?certificate=" + Uri.EscapeDataString(Certificate.Number) + "&field=" + Field;
}
