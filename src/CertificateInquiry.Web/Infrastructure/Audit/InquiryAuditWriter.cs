using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;

namespace CertificateInquiry.Web.Infrastructure.Audit;

/// <summary>
/// Writes queued audit entries in batches (up to 500, or whatever arrived within a second). On shutdown it is
/// stopped after the web server has finished its requests, so it writes everything still queued before it ends.
/// </summary>
public sealed class InquiryAuditWriter(InquiryAudit audit, IServiceScopeFactory scopes, ILogger<InquiryAuditWriter> logger)
    : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = audit.Pending;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                // Only the waiting is cancelled at shutdown: a batch already taken is always written.
                await WriteBatchAsync(Take(reader));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is queued is written below, without the cancelled token.
        }

        audit.Complete();
        var rest = new List<InquiryAuditEntry>();
        while (reader.TryRead(out var entry))
        {
            rest.Add(entry);
        }

        foreach (var batch in rest.Chunk(BatchSize))
        {
            await WriteBatchAsync(batch);
        }

        logger.LogInformation("Inquiry audit writer stopped; {Count} entries written at shutdown", rest.Count);
    }

    private static List<InquiryAuditEntry> Take(System.Threading.Channels.ChannelReader<InquiryAuditEntry> reader)
    {
        var batch = new List<InquiryAuditEntry>(BatchSize);
        while (batch.Count < BatchSize && reader.TryRead(out var entry))
        {
            batch.Add(entry);
        }

        return batch;
    }

    private async Task WriteBatchAsync(IReadOnlyCollection<InquiryAuditEntry> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.InquiryAudit.AddRange(batch);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not write {Count} inquiry audit entries", batch.Count);
        }
    }
}
