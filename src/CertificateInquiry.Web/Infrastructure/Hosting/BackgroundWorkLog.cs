namespace CertificateInquiry.Web.Infrastructure.Hosting;

/// <summary>
/// The log lines of the background work that servers share (ADR-038): job leases, the retention clean-up and the
/// audit journal's orphan takeover. Event IDs 2450–2469 (see ADR-022).
/// </summary>
internal static partial class BackgroundWorkLog
{
    [LoggerMessage(2450, LogLevel.Warning, "Job {Job}: lease lost to another server by {Owner}; this pass stops")]
    public static partial void LeaseLost(this ILogger logger, string job, string owner);

    [LoggerMessage(2451, LogLevel.Warning, "Job {Job}: lease not renewed (database away?); trying again")]
    public static partial void LeaseNotRenewed(this ILogger logger, Exception exception, string job);

    [LoggerMessage(2452, LogLevel.Warning, "Job {Job}: lease not released; it runs out on its own")]
    public static partial void LeaseNotReleased(this ILogger logger, Exception exception, string job);

    [LoggerMessage(2455, LogLevel.Information,
        "Retention: {Codes} spent one-time codes, {Sends} old code sends, {Drafts} abandoned drafts ({Files} files), {Segments} audit segment marks deleted")]
    public static partial void RetentionPass(this ILogger logger, int codes, int sends, int drafts, int files, int segments);

    [LoggerMessage(2456, LogLevel.Error, "Retention pass failed; the next pass tries again")]
    public static partial void RetentionPassFailed(this ILogger logger, Exception exception);

    [LoggerMessage(2457, LogLevel.Warning, "Retention: a file of abandoned draft {RequestId} could not be deleted; the draft is kept for the next pass")]
    public static partial void DraftFileNotDeleted(this ILogger logger, Exception exception, long requestId);

    [LoggerMessage(2460, LogLevel.Information, "Audit journal: took over {Count} orphan segments left in the shared folder")]
    public static partial void OrphansTakenOver(this ILogger logger, int count);

    [LoggerMessage(2461, LogLevel.Information, "Audit journal: segment {Segment} was already in the database; its file is deleted without writing it again")]
    public static partial void SegmentAlreadyWritten(this ILogger logger, string segment);
}
