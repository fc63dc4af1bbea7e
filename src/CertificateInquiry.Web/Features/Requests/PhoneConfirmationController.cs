using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Requests;

/// <summary>Step 2 of the request form: the applicant proves they hold the mobile number with a code sent by SMS.</summary>
[Route("requests/form/mobile")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PhoneConfirmationController(RequestDrafts drafts, PhoneVerificationService verification, ILogger<PhoneConfirmationController> logger) : Controller
{
    [HttpGet("")]
    public Task<IActionResult> Mobile(CancellationToken cancellationToken) =>
        WithUnconfirmedDraftAsync(request => Task.FromResult<IActionResult>(View(new MobilePage(request.Mobile!, null, null))), cancellationToken);

    [HttpPost("")]
    public Task<IActionResult> Mobile(string? code, CancellationToken cancellationToken) =>
        WithUnconfirmedDraftAsync(async request =>
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                ModelState.AddModelError("Code", "کد تأییدی را که پیامک شده است وارد کنید.");
                return View(new MobilePage(request.Mobile!, code, null));
            }

            var result = await verification.ConfirmAsync(request, code, cancellationToken);
            if (result is ConfirmCodeResult.Confirmed)
            {
                await drafts.SaveAsync(request, cancellationToken);
                logger.LogInformation("Request draft {RequestId}: mobile confirmed", request.Id);
                return Redirect(RequestFormController.StepPath(request.ExamYear is null ? FormStep.Certificate : FormStep.Review));
            }

            ModelState.AddModelError("Code", result switch
            {
                ConfirmCodeResult.Wrong wrong => "کد درست نیست؛ " + PersianText.ToPersianDigits(wrong.RemainingAttempts) + " بار دیگر می‌توانید امتحان کنید.",
                ConfirmCodeResult.Expired => "این کد دیگر معتبر نیست؛ کد تازه بخواهید.",
                _ => "کد چند بار نادرست وارد شد؛ کد تازه بخواهید.",
            });
            return View(new MobilePage(request.Mobile!, code, null));
        }, cancellationToken);

    [HttpPost("send")]
    public Task<IActionResult> Send(CancellationToken cancellationToken) =>
        WithUnconfirmedDraftAsync(async request =>
        {
            var result = await verification.SendCodeAsync(request, cancellationToken);
            if (result is SendCodeResult.Sent)
            {
                return View(nameof(Mobile), new MobilePage(request.Mobile!, null, "کد تازه به شماره شما پیامک شد."));
            }

            ModelState.AddModelError("Code", SendRefusal(result));
            return View(nameof(Mobile), new MobilePage(request.Mobile!, null, null));
        }, cancellationToken);

    /// <summary>Persian for why a code was not sent.</summary>
    public static string SendRefusal(SendCodeResult result) => result switch
    {
        SendCodeResult.TooSoon soon => "برای کد تازه " + PersianText.ToPersianDigits((long)Math.Ceiling(soon.Wait.TotalSeconds)) + " ثانیه دیگر صبر کنید.",
        SendCodeResult.TooManySends => "برای این شماره بیش از اندازه کد فرستاده شده است. شماره را بررسی کنید یا بعداً دوباره امتحان کنید.",
        _ => "فرستادن پیامک اکنون ممکن نشد؛ چند دقیقه دیگر دوباره امتحان کنید.",
    };

    private async Task<IActionResult> WithUnconfirmedDraftAsync(Func<InquiryRequest, Task<IActionResult>> action, CancellationToken cancellationToken)
    {
        var request = await drafts.FindCurrentAsync(HttpContext, cancellationToken);
        if (request is not { Status: RequestStatus.Draft })
        {
            return RedirectToAction("Start", "RequestForm");
        }

        if (request.Mobile is null)
        {
            return Redirect(RequestFormController.StepPath(FormStep.Applicant));
        }

        if (request.MobileConfirmedAtUtc is not null)
        {
            return Redirect(RequestFormController.StepPath(request.ExamYear is null ? FormStep.Certificate : FormStep.Review));
        }

        return await action(request);
    }
}

public sealed record MobilePage(string Mobile, string? Code, string? Notice);
