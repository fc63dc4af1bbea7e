namespace CertificateInquiry.Web.Infrastructure.SharedState;

/// <summary>
/// The shared state's log lines: Redis lost and found again, once per outage rather than per request. Event IDs
/// 2430–2449 (see ADR-022).
/// </summary>
internal static partial class SharedStateLog
{
    [LoggerMessage(2430, LogLevel.Warning,
        "Redis is unreachable ({Store}): limits and counters fall back to this server's memory, CAPTCHA solutions are refused until it answers")]
    public static partial void RedisUnreachable(this ILogger logger, Exception exception, string store);

    [LoggerMessage(2431, LogLevel.Information, "Redis answers again after {Seconds} s: limits, counters and spent CAPTCHA solutions are shared again")]
    public static partial void RedisAnswersAgain(this ILogger logger, long seconds);

    [LoggerMessage(2432, LogLevel.Information, "Shared state in Redis, keys prefixed {KeyPrefix}")]
    public static partial void RedisConfigured(this ILogger logger, string keyPrefix);
}
