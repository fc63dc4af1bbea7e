using System.Text.Encodings.Web;
using System.Text.Json;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Signing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CertificateInquiry.Web.Features.AnswerVerification;

/// <summary>
/// Anyone pastes a signed answer (or a results file's signature) and is told whether this portal issued it, with which
/// key and when, and what it says. It reveals nothing the pasted text does not already hold, so it asks no CAPTCHA;
/// it is rate-limited like the other public inquiry forms.
/// </summary>
[Route("answers/verify")]
public sealed class AnswerVerificationController(AnswerSigner signer, ILogger<AnswerVerificationController> logger) : Controller
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [HttpGet("")]
    public IActionResult Verify() => View(new AnswerVerificationPage(new AnswerVerificationInput()));

    [HttpPost("")]
    [EnableRateLimiting(RateLimitingExtensions.InquiryPolicy)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public IActionResult Verify([FromForm] AnswerVerificationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.SignedAnswer?.Length > AnswerVerificationInput.MaxLength)
        {
            logger.SignedAnswerChecked(nameof(SignedAnswerOutcome.TooLarge));
            ModelState.AddModelError(nameof(AnswerVerificationInput.SignedAnswer), AnswerCheckMessages.TooLarge);
            return View(new AnswerVerificationPage(new AnswerVerificationInput()));
        }

        var check = signer.Check(input.Compact());
        logger.SignedAnswerChecked(check.Outcome.ToString());
        if (check.Outcome == SignedAnswerOutcome.Empty)
        {
            ModelState.AddModelError(nameof(AnswerVerificationInput.SignedAnswer), AnswerCheckMessages.Empty);
            return View(new AnswerVerificationPage(input));
        }

        return View(new AnswerVerificationPage(input)
        {
            Check = check,
            Content = check.IsGenuine ? Readable(check.Payload!) : null,
            Refusal = check.IsGenuine ? null : AnswerCheckMessages.Refusal(check.Outcome),
        });
    }

    private static string Readable(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return payload;
        }
    }
}
