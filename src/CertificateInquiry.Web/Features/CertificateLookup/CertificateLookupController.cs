using System.Globalization;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Captcha;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CertificateInquiry.Web.Features.CertificateLookup;

/// <summary>Citizens look up their own certificate or license by national code and number.</summary>
[Route("certificates")]
public sealed class CertificateLookupController(
    ICertificateLookups lookups,
    IValidator<CertificateLookupInput> validator,
    InquiryAudit audit,
    CaptchaGate captcha,
    ReportPasses reportPasses,
    TimeProvider clock,
    ILogger<CertificateLookupController> logger) : Controller
{
    [HttpGet("lookup")]
    public IActionResult Lookup() => View(new CertificateLookupPage(new CertificateLookupInput()));

    // The keys travel in the form body only: a national code never appears in a URL.
    [HttpPost("lookup")]
    [SameOriginInquiry]
    [EnableRateLimiting(RateLimitingExtensions.InquiryPolicy)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Lookup([FromForm] CertificateLookupInput input, CancellationToken cancellationToken)
    {
        input.Normalize();
        if (!await this.AcceptAsync(validator, input, audit, captcha, InquiryChannel.CertificateLookup, logger, cancellationToken, keys: input.Keys))
        {
            return View(new CertificateLookupPage(input));
        }

        var record = await lookups.FindAsync(input.CertificateNumber!, input.NationalCode!);
        audit.Record(HttpContext, InquiryChannel.CertificateLookup, record is null ? InquiryOutcome.Miss : InquiryOutcome.Match, record?.Id);
        logger.CertificateLookup(record is null ? "miss" : "match");
        return View(new CertificateLookupPage(input)
        {
            Searched = true,
            Details = record is null ? null : CertificateDisclosure.Disclose(record, DisclosureTier.HolderConfirmed, IranTime.Today(clock)),
            ReportPass = record is not null && captcha.Enabled ? reportPasses.Issue(HttpContext, input.CertificateNumber!, input.NationalCode!) : null,
        });
    }

    /// <summary>
    /// The verification report of a successful lookup, as a PDF. The result page posts both keys again (a national
    /// code never goes into a URL); anything but a match gets the lookup page's uniform answer. The form's pass
    /// (<see cref="ReportPasses"/>) spares a person past the CAPTCHA threshold a second CAPTCHA for the same keys.
    /// </summary>
    [HttpPost("report")]
    [SameOriginInquiry]
    [EnableRateLimiting(RateLimitingExtensions.InquiryPolicy)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Report(
        [FromForm] CertificateLookupInput input,
        [FromForm(Name = ReportPasses.FieldName)] string? reportPass,
        [FromServices] CertificateReportDocument reportDocument,
        [FromServices] PublicAddress portal,
        CancellationToken cancellationToken)
    {
        input.Normalize();
        var passed = reportPasses.IsValid(HttpContext, reportPass, input.CertificateNumber, input.NationalCode);
        if (!await this.AcceptAsync(validator, input, audit, captcha, InquiryChannel.ReportDownload, logger, cancellationToken, captchaExempt: passed, keys: input.Keys))
        {
            return View(nameof(Lookup), new CertificateLookupPage(input));
        }

        var record = await lookups.FindAsync(input.CertificateNumber!, input.NationalCode!);
        if (record is null)
        {
            audit.Record(HttpContext, InquiryChannel.ReportDownload, InquiryOutcome.Miss);
            return View(nameof(Lookup), new CertificateLookupPage(input) { Searched = true });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var details = CertificateDisclosure.Disclose(record, DisclosureTier.HolderConfirmed, IranTime.Today(clock));
        var verificationUrl = VerifyController.AbsoluteUrl(portal, record.VerificationCode);
        byte[] pdf;
        try
        {
            pdf = reportDocument.Render(ToReport(details, verificationUrl, now));
        }
        catch (Exception exception)
        {
            logger.ReportFailed(exception, record.Id);
            throw;
        }

        audit.Record(HttpContext, InquiryChannel.ReportDownload, InquiryOutcome.Match, record.Id);
        logger.ReportIssued(record.Id);
        return File(pdf, "application/pdf", "tvto-certificate-" + record.Number.Replace('/', '-') + ".pdf");
    }

    // The report is drawn from what the disclosure rules give the holder, never from the stored record.
    private static CertificateReport ToReport(CertificateDetails details, string verificationUrl, DateTime now) => new(
        ReportNumber: "R-" + now.ToString("yyMMdd", CultureInfo.InvariantCulture) + "-" + VerificationCode.New()[..6].ToUpperInvariant(),
        IssuedAtUtc: now,
        VerificationUrl: verificationUrl,
        CertificateNumber: details.Number,
        KindTitle: details.KindTitle,
        HolderFullName: details.HolderName,
        FatherName: details.FatherName!,
        NationalCodeMasked: details.NationalCodeMasked!,
        StandardTitle: details.StandardTitle,
        StandardCode: details.StandardCode!,
        StandardHours: details.StandardHours!.Value,
        ExamDate: details.ExamDate!.Value,
        IssueDate: details.IssueDate,
        ExpiryDate: details.ExpiryDate,
        IsExpired: details.Standing == StandingKind.Expired,
        ProvinceName: details.ProvinceName,
        IssuingOffice: details.IssuingOffice!,
        StatusTitle: details.StandingTitle,
        IsValid: details.Standing == StandingKind.Valid,
        IdentifierLabel: details.IdentifierLabel,
        NationalityName: details.NationalityName);
}

public sealed record CertificateLookupPage(CertificateLookupInput Input)
{
    /// <summary>A valid lookup was made; with no <see cref="Details"/> it found nothing.</summary>
    public bool Searched { get; init; }

    public CertificateDetails? Details { get; init; }

    /// <summary>With CAPTCHA on, what the report form carries after a match (see <see cref="ReportPasses"/>).</summary>
    public string? ReportPass { get; init; }
}
