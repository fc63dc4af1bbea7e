using CertificateInquiry.Web.Features.Requests.Form;
using CertificateInquiry.Web.Infrastructure.Captcha;

namespace CertificateInquiry.Web.Features.Requests;

/// <summary>
/// The log lines of the applicant's requests that are written per public request or refusal (tracking, letter
/// download and verification, the per-client draft and one-time-code limits, their CAPTCHA, each one-time code sent
/// or confirmed): source-generated. Event IDs 1100–1199 (see ADR-022). A client is its keyed hash, never its address;
/// a mobile number only masked for the log.
/// </summary>
internal static partial class RequestsLog
{
    [LoggerMessage(1100, LogLevel.Information, "Request tracking: {Outcome}")]
    public static partial void RequestTracking(this ILogger logger, string outcome);

    [LoggerMessage(1101, LogLevel.Information, "Answer letter download: {Outcome}")]
    public static partial void LetterDownload(this ILogger logger, string outcome);

    [LoggerMessage(1102, LogLevel.Information, "Letter verification: {Outcome}")]
    public static partial void LetterVerification(this ILogger logger, string outcome);

    [LoggerMessage(1110, LogLevel.Warning, "Request draft refused: client {Client} started {Limit} drafts in the window")]
    public static partial void DraftRefused(this ILogger logger, string client, int limit);

    [LoggerMessage(1111, LogLevel.Warning, "One-time code refused: client {Client} reached {Limit} codes in the window")]
    public static partial void CodeRefusedTooMany(this ILogger logger, string client, int limit);

    [LoggerMessage(1112, LogLevel.Information, "One-time code refused: CAPTCHA {Verdict}")]
    public static partial void CodeRefusedCaptcha(this ILogger logger, CaptchaVerdict verdict);

    [LoggerMessage(1120, LogLevel.Information, "One-time code for request {RequestId} to {Mobile} not sent: {Refusal}")]
    public static partial void CodeNotSent(this ILogger logger, long requestId, string mobile, SendCodeResult refusal);

    [LoggerMessage(1121, LogLevel.Warning, "The one-time code for request {RequestId} could not be sent")]
    public static partial void CodeSendFailed(this ILogger logger, Exception exception, long requestId);

    [LoggerMessage(1122, LogLevel.Information, "One-time code {SendNumber} sent for request {RequestId}")]
    public static partial void CodeSent(this ILogger logger, int sendNumber, long requestId);

    [LoggerMessage(1123, LogLevel.Information, "Mobile number confirmed for request {RequestId}")]
    public static partial void MobileConfirmed(this ILogger logger, long requestId);

    [LoggerMessage(1124, LogLevel.Information, "Wrong one-time code for request {RequestId}; {Remaining} attempts left")]
    public static partial void WrongCode(this ILogger logger, long requestId, int remaining);
}
