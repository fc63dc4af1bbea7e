namespace CertificateInquiry.Web.Features.AgencyApi.Batches;

/// <summary>The log lines of agency batches. Never a national code, a name or a row's values. Event IDs 1390–1429 (see ADR-022).</summary>
internal static partial class AgencyBatchLog
{
    [LoggerMessage(1390, LogLevel.Information, "Agency {AgencyId} uploaded batch {BatchId}: {Rows} rows, {Valid} valid")]
    public static partial void BatchQueued(this ILogger logger, int agencyId, string batchId, int rows, int valid);

    [LoggerMessage(1391, LogLevel.Information, "Agency {AgencyId} uploaded batch {BatchId}, rejected as a whole: {Code}")]
    public static partial void BatchRejected(this ILogger logger, int agencyId, string batchId, string code);

    [LoggerMessage(1392, LogLevel.Information, "Batch {BatchId} claimed by {Owner}, resuming after {Processed} of {Total} rows")]
    public static partial void BatchClaimed(this ILogger logger, string batchId, string owner, int processed, int total);

    [LoggerMessage(1393, LogLevel.Information, "Batch {BatchId} completed: {Total} rows in {Milliseconds} ms")]
    public static partial void BatchCompleted(this ILogger logger, string batchId, int total, long milliseconds);

    [LoggerMessage(1394, LogLevel.Warning, "Batch {BatchId} was taken over by another server; {Owner} stops")]
    public static partial void LeaseLost(this ILogger logger, string batchId, string owner);

    [LoggerMessage(1395, LogLevel.Error, "Batch work failed; it is tried again at the next poll")]
    public static partial void WorkFailed(this ILogger logger, Exception exception);

    [LoggerMessage(1396, LogLevel.Information, "Deleted the rows and results of {Count} batches past their retention")]
    public static partial void ResultsDeleted(this ILogger logger, int count);

    [LoggerMessage(1397, LogLevel.Warning, "Agency {AgencyId} reused Idempotency-Key of batch {BatchId} with another file")]
    public static partial void IdempotencyKeyReused(this ILogger logger, int agencyId, string batchId);

    [LoggerMessage(1398, LogLevel.Information, "Agency {AgencyId} was refused a batch of {Rows} valid rows: daily quota spent")]
    public static partial void QuotaSpent(this ILogger logger, int agencyId, int rows);
}
