using System.Globalization;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests.Payments;
using CertificateInquiry.Web.Features.Shared;
using CertificateInquiry.Web.Infrastructure.Captcha;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Requests.Form;

/// <summary>
/// The citizen's request form for a paper certificate issued before 1392: a few question pages, each saved as the
/// applicant continues, ending with "check your answers" and the fee. The draft is found through the browser's
/// access cookie, so no personal data travels in a URL.
/// </summary>
[Route("requests")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class RequestFormController(
    RequestDrafts drafts,
    IValidator<ApplicantInput> applicantValidator,
    IValidator<CertificateClaimInput> claimValidator,
    AppDbContext db,
    PhoneVerificationService phoneVerification,
    FeeSchedule fees,
    SmsSendGate smsGate,
    IOptions<PhoneVerificationOptions> verificationOptions,
    ILogger<RequestFormController> logger) : Controller
{
    public const string ConcurrentChangeMessage = "این درخواست هم‌زمان در پنجره دیگری تغییر کرده است. صفحه را دوباره باز کنید و پاسخ‌ها را بررسی کنید.";

    [HttpGet("new")]
    public async Task<IActionResult> Start(CancellationToken cancellationToken)
    {
        var current = await drafts.FindCurrentAsync(HttpContext, cancellationToken);
        return View(new RequestStartPage(current is { Status: RequestStatus.Draft } ? current : null));
    }

    /// <summary>Starts a new draft; a failed online lookup posts here with the keys the person typed.</summary>
    [HttpPost("new")]
    [EnableRateLimiting(RateLimitingExtensions.InquiryPolicy)]
    public async Task<IActionResult> Start(string? nationalCode, string? certificateNumber, long? abandon, CancellationToken cancellationToken)
    {
        // An unfinished draft is never replaced silently (a second tab, a failed lookup): only when the person chose
        // to leave that very draft on the start page.
        var unfinished = await drafts.FindCurrentAsync(HttpContext, cancellationToken);
        if (unfinished is { Status: RequestStatus.Draft } && abandon != unfinished.Id)
        {
            return View(new RequestStartPage(unfinished)
            {
                NationalCode = nationalCode is { Length: <= 32 } ? nationalCode : null,
                CertificateNumber = certificateNumber is { Length: <= 64 } ? certificateNumber : null,
                AskedToChoose = true,
            });
        }

        if (!await smsGate.AdmitDraftAsync(HttpContext))
        {
            var current = await drafts.FindCurrentAsync(HttpContext, cancellationToken);
            ModelState.AddModelError("", SmsSendGate.TooManyDraftsMessage);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View(new RequestStartPage(current is { Status: RequestStatus.Draft } ? current : null));
        }

        var request = await drafts.CreateAsync(HttpContext, PersianText.NormalizeCode(nationalCode), PersianText.NormalizeCode(certificateNumber), cancellationToken);
        if (unfinished is { Status: RequestStatus.Draft })
        {
            logger.DraftLeft(unfinished.Id);
        }

        logger.DraftStarted(request.Id);
        return RedirectToAction(nameof(Applicant));
    }

    [HttpGet("form/applicant")]
    public Task<IActionResult> Applicant(CancellationToken cancellationToken) =>
        WithDraftAsync(async request => View(await ApplicantPageAsync(ApplicantInput.From(request))), cancellationToken);

    [HttpPost("form/applicant")]
    public Task<IActionResult> Applicant([FromForm] ApplicantInput input, bool? review, CancellationToken cancellationToken) =>
        WithDraftAsync(async request =>
        {
            input.Normalize();
            var validation = await applicantValidator.ValidateAsync(input, cancellationToken);
            if (!validation.IsValid)
            {
                ModelState.AddErrors(validation);
                LogRefused(request, validation);
                return View(await ApplicantPageAsync(input));
            }

            // A code will go out (a number not yet confirmed): the client address's limits and CAPTCHA come first,
            // and a refusal saves nothing, so the same answers can be sent again with the CAPTCHA solved.
            var codeNeeded = request.MobileConfirmedAtUtc is null || request.Mobile != input.Mobile;
            if (codeNeeded && await smsGate.AdmitSendAsync(HttpContext) is { } refused)
            {
                ModelState.AddModelError(refused.Refusal == ClientRefusal.Captcha ? CaptchaGate.FieldName : nameof(ApplicantInput.Mobile), smsGate.Message(refused.Refusal, refused.Verdict));
                return View(await ApplicantPageAsync(input));
            }

            input.ApplyTo(request);
            if (!await TrySaveAsync(request, cancellationToken))
            {
                return View(await ApplicantPageAsync(input));
            }

            if (request.MobileConfirmedAtUtc is null)
            {
                // The code goes out as the applicant reaches the page that asks for it; that page offers a new one. A
                // refused send says why on that page at once (nothing was sent); "too soon" means the code sent a moment
                // ago is still on its way and still works.
                var sent = await phoneVerification.SendCodeAsync(request, cancellationToken);
                logger.DraftCodeResult(request.Id, sent.GetType().Name);
                if (sent is SendCodeResult.NotTheHoldersMobile)
                {
                    // Said beside the number, on the page where it can be changed.
                    ModelState.AddModelError(nameof(ApplicantInput.Mobile), PhoneConfirmationController.NotTheHoldersMobileText);
                    return View(await ApplicantPageAsync(input));
                }

                if (sent is not (SendCodeResult.Sent or SendCodeResult.TooSoon))
                {
                    ModelState.AddModelError("Code", PhoneConfirmationController.SendRefusal(sent));
                    return View("Mobile", new MobilePage(request.Mobile!, null, null)
                    {
                        CodeLifetime = PhoneVerificationService.LifetimeText(verificationOptions.Value.CodeLifetime),
                        Captcha = await smsGate.IsCaptchaRequiredAsync(HttpContext),
                    });
                }

                return Next(FormStep.Mobile, review: false);
            }

            return Next(FormStep.Certificate, review);
        }, cancellationToken);

    [HttpGet("form/certificate")]
    public Task<IActionResult> Certificate(CancellationToken cancellationToken) =>
        WithDraftAsync(async request => View(await CertificatePageAsync(new CertificateClaimInput
        {
            Trade = request.Standard?.Title ?? request.TradeText,
            ExamYear = request.ExamYear?.ToString(CultureInfo.InvariantCulture),
            ProvinceId = request.ProvinceId?.ToString(CultureInfo.InvariantCulture),
            TrainingCenter = request.TrainingCenter,
            CertificateNumber = request.CertificateNumber,
        }, cancellationToken)), cancellationToken);

    [HttpPost("form/certificate")]
    public Task<IActionResult> Certificate([FromForm] CertificateClaimInput input, bool? review, CancellationToken cancellationToken) =>
        WithDraftAsync(async request =>
        {
            input.Normalize();
            var validation = await claimValidator.ValidateAsync(input, cancellationToken);
            if (!validation.IsValid)
            {
                ModelState.AddErrors(validation);
                LogRefused(request, validation);
                return View(await CertificatePageAsync(input, cancellationToken));
            }

            var standard = await drafts.FindStandardAsync(input.Trade!, cancellationToken);
            request.StandardId = standard?.Id;
            request.Standard = standard is null ? null : await db.TrainingStandards.FindAsync([standard.Id], cancellationToken);
            request.TradeText = standard is null ? input.Trade : null;
            request.ExamYear = int.Parse(input.ExamYear!, CultureInfo.InvariantCulture);
            request.ProvinceId = int.Parse(input.ProvinceId!, CultureInfo.InvariantCulture);
            request.TrainingCenter = string.IsNullOrEmpty(input.TrainingCenter) ? null : input.TrainingCenter;
            request.CertificateNumber = string.IsNullOrEmpty(input.CertificateNumber) ? null : input.CertificateNumber;
            if (!await TrySaveAsync(request, cancellationToken))
            {
                return View(await CertificatePageAsync(input, cancellationToken));
            }

            return Next(FormStep.Documents, review);
        }, cancellationToken);

    /// <summary>Suggestions for the trade field (progressive enhancement: the field works as free text without them).</summary>
    [HttpGet("standards")]
    public async Task<IActionResult> Standards(string? q, CancellationToken cancellationToken) =>
        Json(await drafts.SuggestStandardsAsync(q ?? "", cancellationToken));

    [HttpGet("form/review")]
    public Task<IActionResult> Review(CancellationToken cancellationToken) =>
        WithDraftAsync(async request => View(new ReviewPage(request, RequestCompleteness.Missing(request)) { Fee = await fees.CurrentAsync(cancellationToken) }), cancellationToken);

    /// <summary>Runs <paramref name="action"/> on the browser's draft; without one, back to the start page, and a paid request goes to its confirmation.</summary>
    private async Task<IActionResult> WithDraftAsync(Func<InquiryRequest, Task<IActionResult>> action, CancellationToken cancellationToken)
    {
        var request = await drafts.FindCurrentAsync(HttpContext, cancellationToken);
        if (request is null)
        {
            return RedirectToAction(nameof(Start));
        }

        if (DraftForms.IsForAnotherDraft(HttpContext, request))
        {
            return DraftChanged(request);
        }

        if (request.Status != RequestStatus.Draft)
        {
            return Redirect("/requests/" + request.Id.ToString(CultureInfo.InvariantCulture) + "/submitted");
        }

        DraftForms.Remember(HttpContext, request);
        return await action(request);
    }

    private async Task<bool> TrySaveAsync(InquiryRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await drafts.SaveAsync(request, cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.DraftChangedConcurrently(request.Id);
            ModelState.AddModelError("", ConcurrentChangeMessage);
            return false;
        }
    }

    private ViewResult DraftChanged(InquiryRequest current) => DraftForms.ForAnotherDraft(this, current, logger);

    private async Task<ApplicantPage> ApplicantPageAsync(ApplicantInput input) => new(input) { Captcha = await smsGate.IsCaptchaRequiredAsync(HttpContext) };

    private RedirectResult Next(FormStep step, bool? review) => Redirect(StepPath(review == true ? FormStep.Review : step));

    public static string StepPath(FormStep step) => "/requests/form/" + step.ToString().ToLowerInvariant();

    private void LogRefused(InquiryRequest request, FluentValidation.Results.ValidationResult validation) =>
        logger.AnswersRefused(request.Id, string.Join(',', validation.Errors.Select(e => e.PropertyName).Distinct()));

    private async Task<CertificatePage> CertificatePageAsync(CertificateClaimInput input, CancellationToken cancellationToken) =>
        new(input, (await db.Provinces.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken))
            .Select(p => (p.Id.ToString(CultureInfo.InvariantCulture), p.Name)).ToList());
}

public sealed record RequestStartPage(InquiryRequest? Draft)
{
    /// <summary>What a failed lookup carried, kept for the form that starts afresh.</summary>
    public string? NationalCode { get; init; }

    public string? CertificateNumber { get; init; }

    /// <summary>A new request was asked for while this draft is unfinished: the page asks which to do.</summary>
    public bool AskedToChoose { get; init; }
}

public sealed record ApplicantPage(ApplicantInput Input)
{
    /// <summary>The nationalities a foreign applicant chooses from: Afghanistan, Iraq and Pakistan first.</summary>
    public IReadOnlyList<(string Value, string Text)> Countries { get; } =
        [.. Domain.Countries.ForSelect.Select(country => (country.Code, country.Name))];

    /// <summary>Whether the form carries the CAPTCHA: this client's next code needs it (<see cref="SmsSendGate"/>).</summary>
    public bool Captcha { get; init; }
}

public sealed record CertificatePage(CertificateClaimInput Input, IReadOnlyList<(string Value, string Text)> Provinces);

public sealed record ReviewPage(InquiryRequest Request, IReadOnlyList<(FormStep Step, string Message)> Missing)
{
    /// <summary>The fee the pay page will charge (this Jalali year's tariff); null when none is set.</summary>
    public Fee? Fee { get; init; }
}
