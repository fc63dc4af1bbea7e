using CertificateInquiry.Web.Infrastructure.Captcha;

namespace CertificateInquiry.Web.Features.Requests;

/// <summary>
/// The log lines of the applicant's requests that are written per public request or refusal (tracking, letter
/// download and verification, the per-client draft and one-time-code limits, their CAPTCHA): source-generated.
/// Event IDs 1100–1199 (see ADR-022). A client is its keyed hash, never its address.
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
}
