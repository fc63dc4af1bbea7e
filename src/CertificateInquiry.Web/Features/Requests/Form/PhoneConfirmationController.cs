using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Captcha;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Requests.Form;

/// <summary>Step 2 of the request form: the applicant proves they hold the mobile number with a code sent by SMS.</summary>
[Route("requests/form/mobile")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class PhoneConfirmationController(
    RequestDrafts drafts,
    PhoneVerificationService verification,
    IOptions<PhoneVerificationOptions> options,
    SmsSendGate smsGate,
    ILogger<PhoneConfirmationController> logger) : Controller
{
    [HttpGet("")]
    public Task<IActionResult> Mobile(CancellationToken cancellationToken) =>
        WithUnconfirmedDraftAsync(async request => View(await PageAsync(request.Mobile!, null, null)), cancellationToken);

    [HttpPost("")]
    public Task<IActionResult> Mobile(string? code, CancellationToken cancellationToken) =>
        WithUnconfirmedDraftAsync(async request =>
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                ModelState.AddModelError("Code", "کد تأییدی را که پیامک شده است وارد کنید.");
                return View(await PageAsync(request.Mobile!, code, null));
            }

            var result = await verification.ConfirmAsync(request, code, cancellationToken);
            if (result is ConfirmCodeResult.Confirmed)
            {
                await drafts.SaveAsync(request, cancellationToken);
                logger.DraftMobileConfirmed(request.Id);
                return Redirect(RequestFormController.StepPath(request.ExamYear is null ? FormStep.Certificate : FormStep.Review));
            }

            ModelState.AddModelError("Code", result switch
            {
                ConfirmCodeResult.Wrong wrong => "کد درست نیست؛ " + PersianText.ToPersianDigits(wrong.RemainingAttempts) + " بار دیگر می‌توانید امتحان کنید.",
                ConfirmCodeResult.Expired => "این کد دیگر معتبر نیست؛ کد تازه بخواهید.",
                _ => "کد چند بار نادرست وارد شد؛ کد تازه بخواهید.",
            });
            return View(await PageAsync(request.Mobile!, code, null));
        }, cancellationToken);

    [HttpPost("send")]
    public Task<IActionResult> Send(CancellationToken cancellationToken) =>
        WithUnconfirmedDraftAsync(async request =>
        {
            if (await smsGate.AdmitSendAsync(HttpContext) is { } refused)
            {
                ModelState.AddModelError(refused.Refusal == ClientRefusal.Captcha ? CaptchaGate.FieldName : "Code", smsGate.Message(refused.Refusal, refused.Verdict));
                return View(nameof(Mobile), await PageAsync(request.Mobile!, null, null));
            }

            var result = await verification.SendCodeAsync(request, cancellationToken);
            if (result is SendCodeResult.Sent)
            {
                return View(nameof(Mobile), await PageAsync(request.Mobile!, null, "کد تازه به شماره شما پیامک شد."));
            }

            ModelState.AddModelError("Code", SendRefusal(result));
            return View(nameof(Mobile), await PageAsync(request.Mobile!, null, null));
        }, cancellationToken);

    private async Task<MobilePage> PageAsync(string mobile, string? code, string? notice) =>
        new(mobile, code, notice)
        {
            CodeLifetime = PhoneVerificationService.LifetimeText(options.Value.CodeLifetime),
            Captcha = await smsGate.IsCaptchaRequiredAsync(HttpContext),
        };

    public const string NotTheHoldersMobileText =
        "این شماره همراه در سامانه شاهکار به نام کد ملی‌ای که نوشته‌اید ثبت نشده است. شماره‌ای را بنویسید که به نام خود شماست.";

    /// <summary>Persian for why a code was not sent.</summary>
    public static string SendRefusal(SendCodeResult result) => result switch
    {
        SendCodeResult.TooSoon soon => "برای کد تازه " + PersianText.ToPersianDigits((long)Math.Ceiling(soon.Wait.TotalSeconds)) + " ثانیه دیگر صبر کنید.",
        SendCodeResult.TooManySends => "برای این شماره بیش از اندازه کد فرستاده شده است. شماره را بررسی کنید یا بعداً دوباره امتحان کنید.",
        SendCodeResult.TooManyNumbers many => "برای یک درخواست به بیش از " + PersianText.ToPersianDigits(many.Limit)
            + " شماره تلفن همراه کد فرستاده نمی‌شود. یکی از شماره‌هایی را که پیش‌تر وارد کرده‌اید به کار ببرید.",
        SendCodeResult.NotTheHoldersMobile => NotTheHoldersMobileText,
        SendCodeResult.NumberResting resting => "به این شماره اخیراً بیش از اندازه کد فرستاده شده است؛ "
            + PersianText.ToPersianDigits((long)Math.Max(1, Math.Ceiling(resting.Wait.TotalMinutes))) + " دقیقه دیگر دوباره امتحان کنید.",
        _ => "فرستادن پیامک اکنون ممکن نشد؛ چند دقیقه دیگر دوباره امتحان کنید.",
    };

    private async Task<IActionResult> WithUnconfirmedDraftAsync(Func<InquiryRequest, Task<IActionResult>> action, CancellationToken cancellationToken)
    {
        var request = await drafts.FindCurrentAsync(HttpContext, cancellationToken);
        if (DraftForms.Refuses(this, request, logger, out var refusal))
        {
            return refusal;
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

public sealed record MobilePage(string Mobile, string? Code, string? Notice)
{
    /// <summary>How long a code works, in Persian («۲ دقیقه»), from <see cref="PhoneVerificationOptions.CodeLifetime"/>.</summary>
    public string CodeLifetime { get; init; } = "";

    /// <summary>Whether the form asking for a new code carries the CAPTCHA (<see cref="SmsSendGate"/>).</summary>
    public bool Captcha { get; init; }
}
