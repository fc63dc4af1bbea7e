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

    [LoggerMessage(1139, LogLevel.Information, "Shahkar: the mobile given for request {RequestId} is not registered to its national code; no code sent")]
    public static partial void MobileNotTheHolders(this ILogger logger, long requestId);

    [LoggerMessage(1121, LogLevel.Warning, "The one-time code for request {RequestId} could not be sent")]
    public static partial void CodeSendFailed(this ILogger logger, Exception exception, long requestId);

    [LoggerMessage(1122, LogLevel.Information, "One-time code {SendNumber} sent for request {RequestId}")]
    public static partial void CodeSent(this ILogger logger, int sendNumber, long requestId);

    [LoggerMessage(1123, LogLevel.Information, "Mobile number confirmed for request {RequestId}")]
    public static partial void MobileConfirmed(this ILogger logger, long requestId);

    [LoggerMessage(1124, LogLevel.Information, "Wrong one-time code for request {RequestId}; {Remaining} attempts left")]
    public static partial void WrongCode(this ILogger logger, long requestId, int remaining);

    [LoggerMessage(1130, LogLevel.Information, "Request draft {RequestId} started")]
    public static partial void DraftStarted(this ILogger logger, long requestId);

    [LoggerMessage(1131, LogLevel.Information, "Request draft {RequestId} left by the applicant for a new one")]
    public static partial void DraftLeft(this ILogger logger, long requestId);

    [LoggerMessage(1132, LogLevel.Information, "Request draft {RequestId}: one-time code {Result}")]
    public static partial void DraftCodeResult(this ILogger logger, long requestId, string result);

    [LoggerMessage(1133, LogLevel.Warning, "Request draft {RequestId} changed concurrently; the applicant's answers were not saved")]
    public static partial void DraftChangedConcurrently(this ILogger logger, long requestId);

    [LoggerMessage(1134, LogLevel.Warning, "Request draft {RequestId}: a form drawn for another draft was refused")]
    public static partial void FormForAnotherDraft(this ILogger logger, long requestId);

    [LoggerMessage(1135, LogLevel.Information, "Request draft {RequestId}: answers refused, {Fields} invalid")]
    public static partial void AnswersRefused(this ILogger logger, long requestId, string fields);

    [LoggerMessage(1136, LogLevel.Information, "Request draft {RequestId}: {Stored} documents stored, {Refused} refused")]
    public static partial void DocumentsStored(this ILogger logger, long requestId, int stored, int refused);

    [LoggerMessage(1137, LogLevel.Information, "Request draft {RequestId}: document {DocumentId} removed")]
    public static partial void DocumentRemoved(this ILogger logger, long requestId, long documentId);

    [LoggerMessage(1138, LogLevel.Information, "Request draft {RequestId}: mobile confirmed")]
    public static partial void DraftMobileConfirmed(this ILogger logger, long requestId);
}
