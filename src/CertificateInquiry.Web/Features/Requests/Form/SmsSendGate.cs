using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Captcha;
using CertificateInquiry.Web.Infrastructure.Persian;
using CertificateInquiry.Web.Infrastructure.SharedState;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Requests.Form;

/// <summary>Why a client address may not start a draft or have a code sent now.</summary>
public enum ClientRefusal
{
    /// <summary>Past <see cref="PhoneVerificationOptions.MaxDraftsPerClient"/> or <see cref="PhoneVerificationOptions.MaxSendsPerClient"/>.</summary>
    TooMany,

    /// <summary>Past <see cref="PhoneVerificationOptions.FreeSendsPerClient"/> without a valid CAPTCHA solution.</summary>
    Captcha,
}

/// <summary>
/// The limits per client address in front of the request form's SMS: drafts started and codes sent per
/// <see cref="PhoneVerificationOptions.ClientWindow"/>, and past a few codes the CAPTCHA (the same ALTCHA proof of
/// work as on lookups, its own threshold). Counted in Redis when one is configured, shared by every server; else (or
/// while Redis is away) in each server's memory, where a client behind N servers gets up to N times these (ADR-037).
/// The per-number and per-request caps, which
/// are what protect a person's phone, are in the database (<see cref="PhoneVerificationService"/>).
/// </summary>
public sealed class SmsSendGate(
    IOptions<PhoneVerificationOptions> options,
    IOptions<CaptchaOptions> captchaOptions,
    AltchaChallenges challenges,
    InquiryAudit audit,
    IWindowCounters counters,
    ILogger<SmsSendGate> logger)
{
    private readonly PhoneVerificationOptions settings = options.Value;
    private readonly IWindowCounter drafts = counters.Create("sms-drafts", options.Value.ClientWindow);
    private readonly IWindowCounter sends = counters.Create("sms-sends", options.Value.ClientWindow);

    /// <summary>The Persian words for a refusal; <paramref name="verdict"/> for a refused CAPTCHA.</summary>
    public string Message(ClientRefusal refusal, CaptchaVerdict? verdict = null) => refusal switch
    {
        ClientRefusal.Captcha when verdict is null or CaptchaVerdict.Missing =>
            "لطفاً نشان دهید که ربات نیستید: گزینهٔ «من ربات نیستم» را بزنید و پس از تأیید، دوباره همان دکمه را بزنید.",
        ClientRefusal.Captcha => CaptchaGate.RefusalMessage(verdict.Value),
        _ => "از نشانی اینترنت شما در این مدت درخواست‌های زیادی برای فرستادن پیامک رسیده است؛ "
            + PersianText.ToPersianDigits((long)Math.Ceiling(settings.ClientWindow.TotalMinutes)) + " دقیقه دیگر دوباره امتحان کنید.",
    };

    public const string TooManyDraftsMessage =
        "از نشانی اینترنت شما در این مدت درخواست‌های زیادی شروع شده است. درخواست ناتمام خود را ادامه دهید یا بعداً دوباره امتحان کنید.";

    // The count AdmitSendAsync has just seen, so that the page it is drawn for need not ask the counter again.
    private static readonly object NextRequiredKey = new();

    /// <summary>Whether this client's next code needs the CAPTCHA (the form pages draw the widget then).</summary>
    public async Task<bool> IsCaptchaRequiredAsync(HttpContext context)
    {
        if (!captchaOptions.Value.Enabled)
        {
            return false;
        }

        if (context.Items.TryGetValue(NextRequiredKey, out var known) && known is bool required)
        {
            return required;
        }

        return await sends.CountAsync(audit.HashClientAddress(context)) >= settings.FreeSendsPerClient;
    }

    /// <summary>Counts a new draft for this client; false (and logged) when it has started too many in the window.</summary>
    public async Task<bool> AdmitDraftAsync(HttpContext context)
    {
        var client = audit.HashClientAddress(context);
        if (await drafts.AddAsync(client) < settings.MaxDraftsPerClient)
        {
            return true;
        }

        await drafts.RemoveAsync(client);
        logger.DraftRefused(client, settings.MaxDraftsPerClient);
        return false;
    }

    /// <summary>
    /// Counts a code about to be sent for this client and, past the free ones, checks the CAPTCHA solution posted with
    /// the form. Null when the code may go; a refusal is not counted (and is logged).
    /// </summary>
    public async Task<(ClientRefusal Refusal, CaptchaVerdict? Verdict)?> AdmitSendAsync(HttpContext context)
    {
        var client = audit.HashClientAddress(context);
        var before = await sends.AddAsync(client);
        if (before >= settings.MaxSendsPerClient)
        {
            await sends.RemoveAsync(client);
            context.Items[NextRequiredKey] = before >= settings.FreeSendsPerClient;
            logger.CodeRefusedTooMany(client, settings.MaxSendsPerClient);
            return (ClientRefusal.TooMany, null);
        }

        if (captchaOptions.Value.Enabled && before >= settings.FreeSendsPerClient)
        {
            var payload = context.Request.HasFormContentType ? context.Request.Form[CaptchaGate.FieldName].ToString() : null;
            var verdict = await challenges.VerifyAsync(payload, client);
            if (verdict != CaptchaVerdict.Verified)
            {
                await sends.RemoveAsync(client);
                context.Items[NextRequiredKey] = true;
                logger.CodeRefusedCaptcha(verdict);
                return (ClientRefusal.Captcha, verdict);
            }
        }

        context.Items[NextRequiredKey] = before + 1 >= settings.FreeSendsPerClient;
        return null;
    }
}
