using CertificateInquiry.Web.Domain;

namespace CertificateInquiry.Web.Infrastructure.Notifications;

/// <summary>
/// The log lines of the outbox dispatcher, most of them written once per message sent or failed: source-generated.
/// Event IDs 2100–2199 (see ADR-022). Message ids and channels only, never a number, an address or a text.
/// </summary>
internal static partial class OutboxLog
{
    [LoggerMessage(2100, LogLevel.Information, "Outbox dispatcher is switched off on this server (Notifications:DispatcherEnabled)")]
    public static partial void DispatcherSwitchedOff(this ILogger logger);

    [LoggerMessage(2101, LogLevel.Information, "Outbox dispatcher started: SMS through {SmsProvider}, email through {EmailProvider}")]
    public static partial void DispatcherStarted(this ILogger logger, string smsProvider, string emailProvider);

    [LoggerMessage(2102, LogLevel.Warning, "Notifications go only to the log and /dev/messages (Sms:Provider or Email:Provider is Log); applicants receive nothing")]
    public static partial void NotificationsToLogOnly(this ILogger logger);

    [LoggerMessage(2103, LogLevel.Error, "Outbox dispatch failed; retrying after the poll interval")]
    public static partial void DispatchFailed(this ILogger logger, Exception exception);

    [LoggerMessage(2110, LogLevel.Warning, "Outbox message {MessageId} was sent after its lease had expired; another dispatcher may have sent it too (same idempotency key)")]
    public static partial void SentAfterLease(this ILogger logger, long messageId);

    [LoggerMessage(2111, LogLevel.Information, "Outbox message {MessageId} ({Channel}) sent on attempt {Attempt}")]
    public static partial void Sent(this ILogger logger, long messageId, NotificationChannel channel, int attempt);

    [LoggerMessage(2112, LogLevel.Error, "Outbox message {MessageId} ({Channel}) abandoned after {Attempts} attempts: {Reason}")]
    public static partial void Abandoned(this ILogger logger, Exception exception, long messageId, NotificationChannel channel, int attempts, string reason);

    [LoggerMessage(2113, LogLevel.Warning, "Outbox message {MessageId} ({Channel}) failed on attempt {Attempt}: {Reason}; next attempt at {NextAttemptAtUtc:O}")]
    public static partial void AttemptFailed(this ILogger logger, Exception exception, long messageId, NotificationChannel channel, int attempt, string reason, DateTime nextAttemptAtUtc);
}
