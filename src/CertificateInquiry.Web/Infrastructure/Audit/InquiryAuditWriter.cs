using System.Net;
using CertificateInquiry.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Infrastructure.Audit;

/// <summary>
/// Writes queued audit entries off the request path: once an entry is waiting it gathers for
/// <c>Audit:WriteInterval</c> (a second by default), then writes everything queued, up to
/// <see cref="BatchSize"/> entries per transaction. On shutdown it is stopped after the web server has finished its
/// requests, so it writes everything still queued before it ends.
/// </summary>
public sealed class InquiryAuditWriter(
    InquiryAudit audit, IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<InquiryAuditWriter> logger)
    : BackgroundService
{
    private const int BatchSize = 10_000;

    private const string InsertSql =
        "INSERT INTO \"InquiryAudit\" (\"OccurredAtUtc\", \"Channel\", \"Outcome\", \"CertificateId\", \"ClientAddressHash\") "
        + "VALUES (@at, @channel, @outcome, @certificate, @client)";

    // Why gather instead of writing each entry as it comes: on SQLite every commit makes each open reader connection
    // drop its page cache at its next statement, so writing after every lookup made the next lookups read their
    // pages from the file again (bench/README.md). A second of entries is held in memory, never more.
    private readonly TimeSpan writeInterval = configuration.GetValue("Audit:WriteInterval", TimeSpan.FromSeconds(1));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = audit.Pending;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(writeInterval, clock, stoppingToken);

                // Only the waiting is cancelled at shutdown: a batch already taken is always written.
                List<PendingInquiry> batch;
                while ((batch = Take(reader)).Count > 0)
                {
                    await WriteBatchAsync(batch);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is queued is written below, without the cancelled token.
        }

        audit.Complete();
        var rest = new List<PendingInquiry>();
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

    private static List<PendingInquiry> Take(System.Threading.Channels.ChannelReader<PendingInquiry> reader)
    {
        // Sized to what is queued: a list of BatchSize would be a 480 KB allocation, even for the last, empty take.
        var batch = new List<PendingInquiry>(Math.Min(reader.Count, BatchSize));
        while (batch.Count < BatchSize && reader.TryRead(out var entry))
        {
            batch.Add(entry);
        }

        return batch;
    }

    private async Task WriteBatchAsync(IReadOnlyCollection<PendingInquiry> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        // A client usually makes several inquiries in a batch: its address is hashed once.
        var hashes = new Dictionary<IPAddress, string>();
        string HashOf(IPAddress? address)
        {
            if (address is null)
            {
                return audit.HashClientAddress(address);
            }

            if (!hashes.TryGetValue(address, out var hash))
            {
                hash = audit.HashClientAddress(address);
                hashes.Add(address, hash);
            }

            return hash;
        }

        try
        {
            // One transaction and one prepared statement per batch: EF's change tracking cost a quarter of the
            // lookup throughput under load (bench/README.md).
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.OpenConnectionAsync(CancellationToken.None);
            try
            {
                var connection = db.Database.GetDbConnection();
                await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = InsertSql;
                var parameters = new[] { "@at", "@channel", "@outcome", "@certificate", "@client" }
                    .Select(name =>
                    {
                        var parameter = insert.CreateParameter();
                        parameter.ParameterName = name;
                        insert.Parameters.Add(parameter);
                        return parameter;
                    })
                    .ToArray();
                foreach (var entry in batch)
                {
                    parameters[0].Value = entry.OccurredAtUtc;
                    parameters[1].Value = entry.Channel.ToString();
                    parameters[2].Value = entry.Outcome.ToString();
                    parameters[3].Value = entry.CertificateId is { } id ? id : DBNull.Value;
                    parameters[4].Value = HashOf(entry.ClientAddress);
                    await insert.ExecuteNonQueryAsync(CancellationToken.None);
                }

                await transaction.CommitAsync(CancellationToken.None);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not write {Count} inquiry audit entries", batch.Count);
        }
    }
}
