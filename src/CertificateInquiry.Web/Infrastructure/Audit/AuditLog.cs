using CertificateInquiry.Web.Domain;

namespace CertificateInquiry.Web.Infrastructure.Audit;

/// <summary>
/// The log lines of the inquiry audit (the journal each inquiry is appended to, and the writer that batches it into
/// the database): source-generated. Event IDs 2000–2099 (see ADR-022).
/// </summary>
internal static partial class AuditLog
{
    [LoggerMessage(2000, LogLevel.Warning, "Audit:ClientAddressKey is not set; client addresses are hashed with a key that lives only in this process")]
    public static partial void ClientAddressKeyMissing(this ILogger logger);

    [LoggerMessage(2001, LogLevel.Error, "Inquiry audit is closed (shutting down); an entry for {Channel} was not recorded")]
    public static partial void AuditClosed(this ILogger logger, InquiryChannel channel);

    [LoggerMessage(2002, LogLevel.Error, "Inquiry audit journal could not be written; an entry for {Channel} was not recorded")]
    public static partial void JournalWriteFailed(this ILogger logger, Exception exception, InquiryChannel channel);

    [LoggerMessage(2010, LogLevel.Warning, "Inquiry audit: {Entries} entries of {Segments} journal segments left by an earlier process written at start-up")]
    public static partial void OrphansReplayed(this ILogger logger, int entries, int segments);

    [LoggerMessage(2011, LogLevel.Information, "Inquiry audit writer stopped; {Count} entries written at shutdown")]
    public static partial void WriterStopped(this ILogger logger, int count);

    [LoggerMessage(2012, LogLevel.Error, "Could not write {Count} inquiry audit entries; their journal segment is kept and tried again")]
    public static partial void BatchWriteFailed(this ILogger logger, Exception exception, int count);
}
