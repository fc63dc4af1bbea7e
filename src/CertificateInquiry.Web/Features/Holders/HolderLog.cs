namespace CertificateInquiry.Web.Features.Holders;

/// <summary>
/// The log lines of the holders' area (their certificates, share codes, who checked them) and of share codes' use:
/// source-generated. Event IDs 2410–2429 (see ADR-022). Never a national code, a share code or a name: record ids only.
/// </summary>
internal static partial class HolderLog
{
    [LoggerMessage(2410, LogLevel.Information, "Holder report issued for certificate {CertificateId}")]
    public static partial void HolderReportIssued(this ILogger logger, long certificateId);

    [LoggerMessage(2411, LogLevel.Information, "Share code {ShareCodeId} made for {Scope}, valid {Days} days")]
    public static partial void ShareCodeCreated(this ILogger logger, long shareCodeId, string scope, int days);

    [LoggerMessage(2412, LogLevel.Information, "Share code {ShareCodeId} revoked by its holder")]
    public static partial void ShareCodeRevoked(this ILogger logger, long shareCodeId);

    [LoggerMessage(2413, LogLevel.Information, "Share code {ShareCodeId} used: {Records} record(s) shown")]
    public static partial void ShareCodeUsed(this ILogger logger, long shareCodeId, int records);

    [LoggerMessage(2414, LogLevel.Information, "Share code refused: {Reason}")]
    public static partial void ShareCodeRefused(this ILogger logger, string reason);

    [LoggerMessage(2415, LogLevel.Warning, "Share code not made: the holder has {Count} live codes, the most allowed")]
    public static partial void ShareCodeLimitReached(this ILogger logger, int count);
}
