using CertificateInquiry.Web.Domain;

namespace CertificateInquiry.Web.Features.Shared.Inquiry;

/// <summary>
/// The log lines of every inquiry form (lookup, verification, license check, tracking, letter verification) that is
/// refused before anything is looked up, written per request: source-generated. Event IDs 1050–1099 (see ADR-022).
/// Field names only, never the values typed.
/// </summary>
internal static partial class InquiryLog
{
    [LoggerMessage(1050, LogLevel.Information, "{Channel} refused: {Fields} invalid, CAPTCHA {Captcha}")]
    public static partial void InquiryRefused(this ILogger logger, InquiryChannel channel, string fields, string captcha);

    [LoggerMessage(1051, LogLevel.Warning, "Cross-site post to {Path} refused")]
    public static partial void CrossSitePostRefused(this ILogger logger, PathString path);
}
