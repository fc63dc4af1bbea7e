using CertificateInquiry.Web.Features.Shared.Inquiry;
namespace CertificateInquiry.Web.Features.CertificateLookup;

/// <summary>
/// The log lines of the public lookups (certificate lookup, verification, license check, verification report),
/// written once per request: source-generated, so nothing is boxed or formatted when the level is off. Event IDs
/// 1000–1049 (see ADR-022). The outcome is "match" or "miss"; never a national code or a name.
/// </summary>
internal static partial class LookupLog
{
    [LoggerMessage(1000, LogLevel.Information, "Certificate lookup: {Outcome}")]
    public static partial void CertificateLookup(this ILogger logger, string outcome);

    [LoggerMessage(1001, LogLevel.Information, "Verification: {Outcome}")]
    public static partial void Verification(this ILogger logger, string outcome);

    [LoggerMessage(1002, LogLevel.Information, "License check: {Outcome}, {Tier}")]
    public static partial void LicenseCheck(this ILogger logger, string outcome, DisclosureTier tier);

    [LoggerMessage(1003, LogLevel.Information, "Verification report issued for certificate {CertificateId}")]
    public static partial void ReportIssued(this ILogger logger, long certificateId);

    [LoggerMessage(1004, LogLevel.Error, "Verification report could not be drawn for certificate {CertificateId}")]
    public static partial void ReportFailed(this ILogger logger, Exception exception, long certificateId);
}
