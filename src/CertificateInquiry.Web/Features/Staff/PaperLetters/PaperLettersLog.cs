namespace CertificateInquiry.Web.Features.Staff.PaperLetters;

/// <summary>
/// The log lines of agencies' paper letters in the back-office: source-generated, event IDs 3000–3049 (the staff range
/// of ADR-022). Ids and counts only, never a national code or a name.
/// </summary>
internal static partial class PaperLettersLog
{
    [LoggerMessage(3000, LogLevel.Information, "Staff user {UserId} registered paper letter {LetterId} of province {ProvinceId}: {Rows} rows, {Verified} verified, {Referred} referred, {Invalid} invalid")]
    public static partial void Registered(this ILogger logger, string? userId, long letterId, int provinceId, int rows, int verified, int referred, int invalid);

    [LoggerMessage(3001, LogLevel.Information, "Staff user {UserId}: paper letter refused as a repeat of letter {LetterId}")]
    public static partial void RegisteredTwice(this ILogger logger, string? userId, long letterId);

    [LoggerMessage(3002, LogLevel.Information, "Paper letter {LetterId}: row {RowNumber} answered through request {RequestId} ({Outcome})")]
    public static partial void RowAnswered(this ILogger logger, long letterId, int rowNumber, long requestId, string outcome);

    [LoggerMessage(3003, LogLevel.Information, "Staff user {UserId} issued answer letter {LetterNumber} for paper letter {LetterId}")]
    public static partial void AnswerLetterIssued(this ILogger logger, string? userId, string letterNumber, long letterId);

    [LoggerMessage(3004, LogLevel.Information, "Staff user {UserId}: answer letter of paper letter {LetterId} refused: {Reason}")]
    public static partial void IssueRefused(this ILogger logger, string? userId, long letterId, string reason);

    [LoggerMessage(3005, LogLevel.Warning, "Staff user {UserId} was refused paper letter {LetterId}: not in their scope, or no such letter")]
    public static partial void NotInScope(this ILogger logger, string? userId, long letterId);

    [LoggerMessage(3006, LogLevel.Information, "Staff user {UserId}: paper letter form refused: {Fields}")]
    public static partial void RegistrationRefused(this ILogger logger, string? userId, string fields);
}
