using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests.Form;
using CertificateInquiry.Web.Features.Requests.Letters;
using CertificateInquiry.Web.Features.Requests.Payments;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Captcha;
using CertificateInquiry.Web.Infrastructure.Files;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Notifications;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Requests.Tracking;

/// <summary>Applicants follow a paper-era inquiry request with its tracking code and their national code.</summary>
[Route("requests")]
public sealed class TrackingController(
    RequestTrackingService tracking,
    AppDbContext db,
    TimeProvider clock,
    IOptions<RequestServiceLevels> serviceLevels,
    IValidator<RequestTrackingInput> validator,
    InquiryAudit audit,
    CaptchaGate captcha,
    PublicAddress portal,
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
        logger.RequestTracking(request is null ? "miss" : "match");
        return View(new RequestTrackingPage(input) { Searched = true, Request = request });
    }

    /// <summary>
    /// The documents staff asked for. Taken only while the request waits for them; every file is checked, and if one
    /// is refused none is kept, so the applicant chooses them again with the reasons in front of them. The request
    /// then goes back to the province's review.
    /// </summary>
    [HttpPost("track/documents")]
    [EnableRateLimiting(RateLimitingExtensions.InquiryPolicy)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    [RequestSizeLimit(RequestDocumentsController.RequestSizeLimitBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = RequestDocumentsController.RequestSizeLimitBytes)]
    public async Task<IActionResult> Documents(
        [FromForm] RequestTrackingInput input, [FromServices] DocumentStore store, [FromServices] Notifier notifier, CancellationToken cancellationToken)
    {
        input.Normalize();
        if (!await this.AcceptAsync(validator, input, audit, captcha, InquiryChannel.RequestTracking, logger, cancellationToken, captchaExempt: true))
        {
            return View(nameof(Track), new RequestTrackingPage(input));
        }

        var request = await db.Requests.Include(r => r.Documents)
            .WithTrackingKeys(input.TrackingCode!, input.NationalCode!).SingleOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            audit.Record(HttpContext, InquiryChannel.RequestTracking, InquiryOutcome.Miss);
            return View(nameof(Track), new RequestTrackingPage(input) { Searched = true });
        }

        if (!request.AcceptsDocuments)
        {
            // A second tab, or staff moved on: nothing to take; show the request as it stands.
            return await TrackedPageAsync(input, "اکنون مدرکی از شما خواسته نشده است.", cancellationToken);
        }

        var form = await Request.ReadFormAsync(cancellationToken);
        var stored = await DocumentUploads.StoreAsync(request, form.Files, [DocumentKind.Additional], RequestStatus.NeedsMoreDocuments, store, clock, ModelState, cancellationToken);
        if (stored.Added.Count == 0 && ModelState.IsValid)
        {
            ModelState.AddModelError(nameof(DocumentKind.Additional), "دست‌کم یک فایل انتخاب کنید.");
        }

        if (!ModelState.IsValid)
        {
            DocumentUploads.DeleteFiles(store, stored.Added.Select(d => d.StoredName));
            logger.LogInformation("Request {RequestId}: more documents refused ({Refused} files)", request.Id, stored.Refused);
            return View(nameof(Track), new RequestTrackingPage(input) { Searched = true, Request = await tracking.FindAsync(input.TrackingCode!, input.NationalCode!, cancellationToken) });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var transition = request.MoveTo(RequestStatus.UnderReview, RequestActor.Applicant, "متقاضی", now,
            serviceLevels.Value.DueOn(RequestStatus.UnderReview, IranTime.Today(clock)), "مدارک تکمیلی فرستاده شد.");
        notifier.StatusChanged(request, transition);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            DocumentUploads.DeleteFiles(store, stored.Added.Select(d => d.StoredName));
            throw;
        }

        logger.LogInformation("Request {RequestId}: {Count} more documents received, back under review", request.Id, stored.Added.Count);
        return await TrackedPageAsync(input, "مدارک شما رسید و درخواست دوباره به کارشناس استان سپرده شد.", cancellationToken);
    }

    /// <summary>The submission receipt again, from the tracking page (both keys posted, as for tracking).</summary>
    [HttpPost("track/receipt")]
    [EnableRateLimiting(RateLimitingExtensions.InquiryPolicy)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Receipt([FromForm] RequestTrackingInput input, [FromServices] RequestReceipts receipts, CancellationToken cancellationToken)
    {
        input.Normalize();
        if (!await this.AcceptAsync(validator, input, audit, captcha, InquiryChannel.RequestTracking, logger, cancellationToken, captchaExempt: true))
        {
            return View(nameof(Track), new RequestTrackingPage(input));
        }

        var receipt = await receipts.RenderAsync(requests => requests.WithTrackingKeys(input.TrackingCode!, input.NationalCode!), cancellationToken);
        if (receipt is null)
        {
            audit.Record(HttpContext, InquiryChannel.RequestTracking, InquiryOutcome.Miss);
            return View(nameof(Track), new RequestTrackingPage(input) { Searched = true });
        }

        return File(receipt.Pdf, RequestReceiptFile.ContentType, receipt.FileName);
    }

    /// <summary>
    /// The answer letter, from the tracking page (both keys posted, as for tracking). A request without a letter (not
    /// answered yet) is answered like a wrong key: the page as the keys find it, with nothing to download.
    /// </summary>
    [HttpPost("track/letter")]
    [EnableRateLimiting(RateLimitingExtensions.InquiryPolicy)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Letter([FromForm] RequestTrackingInput input, [FromServices] AnswerLetters letters, CancellationToken cancellationToken)
    {
        input.Normalize();
        if (!await this.AcceptAsync(validator, input, audit, captcha, InquiryChannel.LetterDownload, logger, cancellationToken, captchaExempt: true))
        {
            return View(nameof(Track), new RequestTrackingPage(input));
        }

        var letter = await letters.FindByTrackingKeysAsync(input.TrackingCode!, input.NationalCode!, cancellationToken);
        audit.Record(HttpContext, InquiryChannel.LetterDownload, letter is null ? InquiryOutcome.Miss : InquiryOutcome.Match, letter?.CertificateId);
        logger.LetterDownload(letter is null ? "miss" : "match");
        if (letter is null)
        {
            // The keys may still find the request (answered before letters existed, or not answered yet): show it
            // as tracking would, so the applicant sees where it stands; wrong keys get the usual miss.
            return View(nameof(Track), new RequestTrackingPage(input)
            {
                Searched = true,
                Request = await tracking.FindAsync(input.TrackingCode!, input.NationalCode!, cancellationToken),
            });
        }

        var pdf = await letters.RenderAsync(letter, AnswerLetterVerifyController.UrlFor(portal, letter.VerificationCode), cancellationToken);
        return File(pdf, "application/pdf", AnswerLetters.FileName(letter));
    }

    private async Task<IActionResult> TrackedPageAsync(RequestTrackingInput input, string notice, CancellationToken cancellationToken) =>
        View(nameof(Track), new RequestTrackingPage(input)
        {
            Searched = true,
            Request = await tracking.FindAsync(input.TrackingCode!, input.NationalCode!, cancellationToken),
            Notice = notice,
        });
}

public sealed record RequestTrackingPage(RequestTrackingInput Input)
{
    /// <summary>A confirmation of what the applicant just did (documents sent).</summary>
    public string? Notice { get; init; }

    /// <summary>A valid search was made; with no <see cref="Request"/> it found nothing.</summary>
    public bool Searched { get; init; }

    public RequestTracking? Request { get; init; }
}
