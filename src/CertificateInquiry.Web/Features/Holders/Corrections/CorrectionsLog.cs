namespace CertificateInquiry.Web.Features.Holders.Corrections;

/// <summary>
/// The log lines of holders' corrections, on their side and in the back-office: source-generated, event IDs 2390–2409
/// (ADR-022). Ids and field names only, never a national code, a name or a value.
/// </summary>
internal static partial class CorrectionsLog
{
    [LoggerMessage(2390, LogLevel.Information, "Correction {CorrectionId} reported: field {Field} of certificate {CertificateId}, province {ProvinceId}")]
    public static partial void Reported(this ILogger logger, long correctionId, string field, long certificateId, int provinceId);

    [LoggerMessage(2391, LogLevel.Information, "Correction form posted again with the key of correction {CorrectionId}: nothing new written")]
    public static partial void Replayed(this ILogger logger, long correctionId);

    [LoggerMessage(2392, LogLevel.Information, "Correction report refused: an open report of field {Field} of certificate {CertificateId} exists")]
    public static partial void AlreadyOpen(this ILogger logger, string field, long certificateId);

    [LoggerMessage(2393, LogLevel.Warning, "A holder asked for certificate {Number} for a correction: not under their identifier, or no such certificate")]
    public static partial void NotTheHolders(this ILogger logger, string number);

    [LoggerMessage(2394, LogLevel.Information, "Correction report refused: {Fields}")]
    public static partial void Refused(this ILogger logger, string fields);

    [LoggerMessage(2395, LogLevel.Information, "Staff user {UserId}: {Action} on correction {CorrectionId}")]
    public static partial void Acted(this ILogger logger, string? userId, string action, long correctionId);

    [LoggerMessage(2396, LogLevel.Warning, "Staff user {UserId} was refused correction {CorrectionId}: not in their scope, or no such correction")]
    public static partial void NotInScope(this ILogger logger, string? userId, long correctionId);

    [LoggerMessage(2397, LogLevel.Information, "Staff user {UserId}: {Form} on correction {CorrectionId} refused, it changed meanwhile")]
    public static partial void Conflict(this ILogger logger, string? userId, string form, long correctionId);

    [LoggerMessage(2398, LogLevel.Warning, "Staff user {UserId} tried to decide their own proposal on correction {CorrectionId}")]
    public static partial void SelfApproval(this ILogger logger, string? userId, long correctionId);

    [LoggerMessage(2399, LogLevel.Information, "Correction {CorrectionId} approved: field {Field} changed on {Certificates} certificate(s)")]
    public static partial void Applied(this ILogger logger, long correctionId, string field, int certificates);

    [LoggerMessage(2400, LogLevel.Information, "Staff user {UserId}: {Form} on correction {CorrectionId} refused: {StatusCode}")]
    public static partial void ActionRefused(this ILogger logger, string? userId, string form, long correctionId, int statusCode);
}
