using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.Staff.PaperLetters;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CertificateInquiry.Web.Features.Requests.Letters;

/// <summary>
/// The verify page of an answer letter, <c>/letters/verify/{code}</c>: the address printed with a QR code on every
/// letter. It shows the letter as it was issued and, for a confirmed certificate, the certificate's status today,
/// so a letter edited after printing is caught. Printed letters are kept for years: this URL scheme must never
/// change (like <c>/verify/{code}</c> for reports).
/// </summary>
[Route("letters/verify")]
public sealed class AnswerLetterVerifyController(
    AnswerLetters letters, PaperLetterVerifier paperLetters, InquiryAudit audit, TimeProvider clock, ILogger<AnswerLetterVerifyController> logger) : Controller
{
    /// <summary>The absolute address of a letter's verify page, as printed on the letter.</summary>
    public static string UrlFor(PublicAddress portal, string verificationCode)
    {
        ArgumentNullException.ThrowIfNull(portal);
        return portal.For("/letters/verify/" + Uri.EscapeDataString(verificationCode));
    }

    [HttpGet("{code}")]
    [EnableRateLimiting(RateLimitingExtensions.InquiryPolicy)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Verify(string code, CancellationToken cancellationToken)
    {
        var normalized = PersianText.NormalizeCode(code).ToLowerInvariant();
        var found = await letters.VerifyAsync(normalized, IranTime.Today(clock), cancellationToken);
        if (found is null && await paperLetters.VerifyAsync(normalized, cancellationToken) is { } paperLetter)
        {
            // The one answer letter of an agency's paper letter (ADR-027), under the same address.
            audit.Record(HttpContext, InquiryChannel.LetterVerification, InquiryOutcome.Match);
            logger.LetterVerification("match");
            return View("PaperLetterVerify", paperLetter);
        }

        audit.Record(HttpContext, InquiryChannel.LetterVerification, found is null ? InquiryOutcome.Miss : InquiryOutcome.Match, found?.Letter.CertificateId);
        logger.LetterVerification(found is null ? "miss" : "match");
        if (found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("LetterVerifyNotFound");
        }

        return View("LetterVerify", found);
    }
}
