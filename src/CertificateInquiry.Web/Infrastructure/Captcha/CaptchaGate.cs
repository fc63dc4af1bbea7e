using CertificateInquiry.Web.Infrastructure.Audit;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.Captcha;

/// <summary>
/// Decides whether a client must solve the CAPTCHA: once it has made <see cref="CaptchaOptions.FreeInquiriesPerWindow"/>
/// inquiry attempts in the window. The form pages ask <see cref="IsRequiredAsync"/> to draw the widget; the inquiry
/// actions call <see cref="AdmitAsync"/>, which counts the attempt and checks the solution.
/// </summary>
public sealed class CaptchaGate(
    IOptions<CaptchaOptions> options, InquiryAttemptCounter attempts, AltchaChallenges challenges, InquiryAudit audit)
{
    /// <summary>The form field the widget fills; also the ModelState key, so the error summary links to the widget.</summary>
    public const string FieldName = "altcha";

    private const string Lead = "لطفاً نشان دهید که ربات نیستید: ";

    private readonly CaptchaOptions settings = options.Value;

    public bool Enabled => settings.Enabled;

    /// <summary>The settings window, for the page's hint to people without JavaScript.</summary>
    public TimeSpan Window => settings.Window;

    // What an inquiry's own count said of the next one, so that its result page asks no counter again.
    private static readonly object NextRequiredKey = new();

    /// <summary>Whether this client's next inquiry needs a solution.</summary>
    public async Task<bool> IsRequiredAsync(HttpContext context)
    {
        if (!settings.Enabled)
        {
            return false;
        }

        if (context.Items.TryGetValue(NextRequiredKey, out var known) && known is bool required)
        {
            return required;
        }

        return await attempts.CountAsync(audit.HashClientAddress(context)) >= settings.FreeInquiriesPerWindow;
    }

    /// <summary>A challenge for this client, as the widget's JSON.</summary>
    public string IssueChallenge(HttpContext context) => challenges.Issue(audit.HashClientAddress(context));

    /// <summary>
    /// Counts this inquiry attempt and, past the threshold, verifies the solution in the posted form. Null when the
    /// client did not have to solve one (below the threshold, CAPTCHA off, or <paramref name="exempt"/>).
    /// <paramref name="form"/> names the inquiry and its normalized keys: the solution is spent on them, and the same
    /// form sent again within the solution's lifetime (a refreshed result page) is admitted as
    /// <see cref="CaptchaVerdict.Resubmitted"/>.
    /// </summary>
    public async Task<CaptchaVerdict?> AdmitAsync(HttpContext context, bool exempt = false, string? form = null)
    {
        if (!settings.Enabled)
        {
            return null;
        }

        var client = audit.HashClientAddress(context);
        var before = await attempts.AddAsync(client);
        context.Items[NextRequiredKey] = before + 1 >= settings.FreeInquiriesPerWindow;
        if (before < settings.FreeInquiriesPerWindow || exempt)
        {
            return null;
        }

        var payload = context.Request.HasFormContentType ? context.Request.Form[FieldName].ToString() : null;
        return await challenges.VerifyAsync(payload, client, form);
    }

    /// <summary>The Persian error for a refused solution, in the words a person can act on.</summary>
    public static string RefusalMessage(CaptchaVerdict verdict) => Lead + verdict switch
    {
        CaptchaVerdict.Missing => "گزینهٔ «من ربات نیستم» را بزنید و پس از تأیید، دوباره دکمهٔ استعلام را بزنید.",
        CaptchaVerdict.Expired => "زمان تأیید گذشته است؛ گزینهٔ «من ربات نیستم» را دوباره بزنید.",
        CaptchaVerdict.Unavailable => "تأیید شما هم‌اکنون بررسی نشد، چون بخشی از سامانه در دسترس نیست؛ چند دقیقهٔ دیگر دوباره امتحان کنید.",
        CaptchaVerdict.OtherClient => "نشانی اینترنت شما پس از تأیید عوض شده است؛ گزینهٔ «من ربات نیستم» را دوباره بزنید.",
        _ => "تأیید پذیرفته نشد؛ گزینهٔ «من ربات نیستم» را دوباره بزنید.",
    };
}
