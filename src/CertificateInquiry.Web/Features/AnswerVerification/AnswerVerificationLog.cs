namespace CertificateInquiry.Web.Features.AnswerVerification;

/// <summary>The log lines of the public verify page. Event IDs 1360–1369 (see ADR-022, ADR-024); never the pasted text.</summary>
internal static partial class AnswerVerificationLog
{
    [LoggerMessage(1360, LogLevel.Information, "Signed answer check: {Outcome}")]
    public static partial void SignedAnswerChecked(this ILogger logger, string outcome);
}
