namespace CertificateInquiry.Web.Infrastructure.Http;

/// <summary>
/// The one warning line of a malformed request refused with 400 (see MalformedRequests), written per request and
/// possibly at a bot's rate: source-generated. Event IDs 2200–2299 (see ADR-022).
/// </summary>
internal static partial class MalformedRequestsLog
{
    [LoggerMessage(2200, LogLevel.Warning, "Malformed request refused with {StatusCode}: {Method} {Path}: {Reason}")]
    public static partial void MalformedRequestRefused(this ILogger logger, int statusCode, string method, PathString path, string reason);
}
