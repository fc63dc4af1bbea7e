using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Captcha;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Shared.Inquiry;

internal static class InquiryValidation
{
    /// <summary>
    /// Admits an inquiry: counts the attempt for the CAPTCHA threshold, checks the CAPTCHA when the client is past it
    /// (unless <paramref name="captchaExempt"/>) and validates the (normalized) input. When it is refused the errors
    /// go to ModelState, the attempt is audited as invalid and logged by field name only (never the values), and
    /// false is returned: nothing is looked up. <paramref name="keys"/> are the inquiry's normalized keys: a CAPTCHA
    /// solution is spent on them, so that a refreshed result page (the same form sent again) is answered again.
    /// </summary>
    public static async Task<bool> AcceptAsync<T>(
        this Controller controller, IValidator<T> validator, T input, InquiryAudit audit, CaptchaGate captcha,
        InquiryChannel channel, ILogger logger, CancellationToken cancellationToken, bool captchaExempt = false, string? keys = null)
    {
        var captchaVerdict = await captcha.AdmitAsync(controller.HttpContext, captchaExempt, keys is null ? null : channel + "\n" + keys);
        var captchaRefused = captchaVerdict is not (null or CaptchaVerdict.Verified or CaptchaVerdict.Resubmitted);
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (validation.IsValid && !captchaRefused)
        {
            return true;
        }

        controller.ModelState.AddErrors(validation);
        if (captchaRefused)
        {
            controller.ModelState.AddModelError(CaptchaGate.FieldName, CaptchaGate.RefusalMessage(captchaVerdict!.Value));
        }

        audit.Record(controller.HttpContext, channel, InquiryOutcome.Invalid);
        logger.InquiryRefused(channel,
            string.Join(',', validation.Errors.Select(e => e.PropertyName).Distinct()), captchaVerdict?.ToString() ?? "not asked");
        return false;
    }
}
