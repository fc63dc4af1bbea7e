using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.CertificateLookup;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Captcha;
using CertificateInquiry.Web.Infrastructure.Startup;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CertificateInquiry.Web.Features.Requests;

/// <summary>Applicants follow a paper-era inquiry request with its tracking code and their national code.</summary>
[Route("requests")]
public sealed class TrackingController(
    RequestTrackingService tracking,
    IValidator<RequestTrackingInput> validator,
    InquiryAudit audit,
    CaptchaGate captcha,
    ILogger<TrackingController> logger) : Controller
{
    [HttpGet("track")]
    public IActionResult Track() => View(new RequestTrackingPage(new RequestTrackingInput()));

    // Both keys travel in the form body only, and the answer is this response itself (no redirect to a URL that
    // would have to carry them). A miss says the same whichever key was wrong.
    [HttpPost("track")]
    [EnableRateLimiting(RateLimitingExtensions.InquiryPolicy)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Track([FromForm] RequestTrackingInput input, CancellationToken cancellationToken)
    {
        input.Normalize();
        // No CAPTCHA here: guessing needs a 12-digit code and the national code it belongs to, the rate limit already
        // makes that hopeless, and an applicant without JavaScript must always be able to read their answer.
        if (!await this.AcceptAsync(validator, input, audit, captcha, InquiryChannel.RequestTracking, logger, cancellationToken, captchaExempt: true))
        {
            return View(new RequestTrackingPage(input));
        }

        var request = await tracking.FindAsync(input.TrackingCode!, input.NationalCode!, cancellationToken);
        audit.Record(HttpContext, InquiryChannel.RequestTracking, request is null ? InquiryOutcome.Miss : InquiryOutcome.Match);
        logger.LogInformation("Request tracking: {Outcome}", request is null ? "miss" : "match");
        return View(new RequestTrackingPage(input) { Searched = true, Request = request });
    }
}

public sealed record RequestTrackingPage(RequestTrackingInput Input)
{
    /// <summary>A valid search was made; with no <see cref="Request"/> it found nothing.</summary>
    public bool Searched { get; init; }

    public RequestTracking? Request { get; init; }
}
