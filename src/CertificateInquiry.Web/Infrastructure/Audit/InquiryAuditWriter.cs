using System.Security.Cryptography;
using System.Text;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Infrastructure.Audit;

/// <summary>
/// Moves the inquiry audit from its write-ahead file (<see cref="InquiryJournal"/>) into the database, off the request
/// path. At start-up it first writes the segments a killed process left behind. Then, once an entry is waiting, it
/// lets entries gather for <c>Audit:WriteInterval</c> (a second by default), closes the segment, writes it in one
/// transaction and deletes it; a segment whose write failed is kept and tried again. On shutdown it is stopped after
/// the web server has finished its requests, and writes the last segment before it ends (ADR-018).
/// Each segment's name goes into <c>InquiryAuditSegments</c> in the same transaction as its entries, so a segment is
/// in the database exactly once: written again after a kill between the commit and the file's deletion, or by two
/// servers at once, it is refused whole. On a journal folder several servers share, a segment no process holds and
/// older than <c>Audit:OrphanTakeoverAfter</c> (a server that died) is taken over by whichever server sweeps first
/// (ADR-038).
/// </summary>
public sealed class InquiryAuditWriter(
    InquiryAudit audit, IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<InquiryAuditWriter> logger)
    : BackgroundService
{
    private const string InsertSql =
        "INSERT INTO \"InquiryAudit\" (\"OccurredAtUtc\", \"Channel\", \"Outcome\", \"CertificateId\", \"ClientAddressHash\", "
        + "\"AgencyClientId\", \"Purpose\", \"CaseReference\", \"OfficerId\", \"NationalCodeHash\", \"InquiryId\", \"Confidential\") "
        + "VALUES (@at, @channel, @outcome, @certificate, @client, @agency, @purpose, @case, @officer, @nationalCode, @inquiry, @confidential)";

    // A segment written again (at least once) must not fail on the answers it stored the first time. Only such a
    // segment runs it: a first write has nothing to delete, and the lookup by id is one more B-tree search per answer.
    private const string DeleteAnswerSql = "DELETE FROM \"AgencyAnswers\" WHERE \"InquiryId\" = @inquiry";

    // First in the transaction: of two servers writing the same segment, the second waits here and then fails on the
    // key, before it has written anything.
    private const string InsertSegmentSql = "INSERT INTO \"InquiryAuditSegments\" (\"Id\", \"WrittenAtUtc\", \"Entries\") VALUES (@segment, @at, 0)";

    private const string CountSegmentSql = "UPDATE \"InquiryAuditSegments\" SET \"Entries\" = @entries WHERE \"Id\" = @segment";

    private const string InsertAnswerSql =
        "INSERT INTO \"AgencyAnswers\" (\"InquiryId\", \"AgencyClientId\", \"AnsweredAtUtc\", \"SignedAnswer\") VALUES (@inquiry, @agency, @at, @answer)";

    // Why gather instead of writing each entry as it comes: on SQLite every commit makes each open reader connection
    // drop its page cache at its next statement, so writing after every lookup made the next lookups read their
    // pages from the file again (bench/README.md). The entries wait in the journal file, not in memory.
    private readonly TimeSpan writeInterval = configuration.GetValue("Audit:WriteInterval", TimeSpan.FromSeconds(1));

    // Closed segments not yet in the database, oldest first.
    private readonly List<string> closed = [];

    // Segments whose answers may be stored already: those a killed process left (it may have committed them just
    // before the kill) and those whose write failed here (SQLite can report an error after its commit took place).
    private readonly HashSet<string> writtenBefore = [];

    // A segment no process holds, this much older than now, is another server's that died (a shared journal folder);
    // zero switches the takeover off. Younger ones may be a live server's closed segment about to be written: taking
    // them would be safe (the segment's key) but wasted work.
    private readonly TimeSpan takeoverAfter = configuration.GetValue("Audit:OrphanTakeoverAfter", TimeSpan.FromMinutes(2));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var journal = audit.Journal;
        var orphans = journal.Orphans();
        if (orphans.Count > 0)
        {
            closed.AddRange(orphans);
            writtenBefore.UnionWith(orphans);
            var replayed = await WriteClosedAsync();
            logger.OrphansReplayed(replayed, orphans.Count);
        }

        try
        {
            var sweepEvery = takeoverAfter > TimeSpan.Zero ? takeoverAfter / 2 : Timeout.InfiniteTimeSpan;
            while (!stoppingToken.IsCancellationRequested)
            {
                if (await journal.WaitForEntriesAsync(sweepEvery, stoppingToken))
                {
                    await Task.Delay(writeInterval, clock, stoppingToken);
                    if (journal.Rotate() is { } segment)
                    {
                        closed.Add(segment);
                    }
                }

                if (takeoverAfter > TimeSpan.Zero)
                {
                    TakeOverOrphans();
                }

                await WriteClosedAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the last segment is written below.
        }

        if (journal.Complete() is { } last)
        {
            closed.Add(last);
        }

        var written = await WriteClosedAsync();
        logger.WriterStopped(written);
    }

    /// <summary>Queues the segments of dead servers (or of an earlier process of this one) for writing, as if they were this server's own.</summary>
    private void TakeOverOrphans()
    {
        var olderThan = clock.GetUtcNow().UtcDateTime - takeoverAfter;
        var taken = 0;
        foreach (var path in audit.Journal.Orphans())
        {
            if (closed.Contains(path) || File.GetLastWriteTimeUtc(path) > olderThan)
            {
                continue;
            }

            closed.Add(path);
            writtenBefore.Add(path);
            taken++;
        }

        if (taken > 0)
        {
            logger.OrphansTakenOver(taken);
        }
    }

    /// <summary>The segment's key in <c>InquiryAuditSegments</c>: its file name (a GUID's 32 hex digits), or a hash of a name the journal did not make.</summary>
    public static string SegmentId(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return name.Length == 32 && name.All(char.IsAsciiHexDigitLower)
            ? name
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..32];
    }

    /// <summary>Writes the closed segments in order, deleting each once committed; stops at the first that fails (kept for the next try).</summary>
    private async Task<int> WriteClosedAsync()
    {
        var written = 0;
        while (closed.Count > 0)
        {
            var path = closed[0];
            StreamReader segment;
            try
            {
                segment = new StreamReader(path, Encoding.ASCII);
            }
            catch (FileNotFoundException)
            {
                closed.RemoveAt(0);
                continue;
            }

            int? count;
            using (segment)
            {
                var mayBeStoredAlready = writtenBefore.Contains(path);
                count = mayBeStoredAlready && await StoredAlreadyAsync(path, segment)
                    ? 0
                    : await WriteBatchAsync(SegmentId(path), InquiryJournal.ReadEntries(segment), mayBeStoredAlready);
            }

            if (count is null)
            {
                writtenBefore.Add(path);
                return written;
            }

            // A crash between the commit and this delete would write the segment again at start-up: at least once.
            File.Delete(path);
            closed.RemoveAt(0);
            writtenBefore.Remove(path);
            written += count.Value;
        }

        return written;
    }

    /// <summary>
    /// Whether the segment's entries are in the database already (its key is): then nothing is written again, the
    /// waiting agencies are told their answers are stored, and the file is deleted. Null-safe: a database away reads as no.
    /// </summary>
    private async Task<bool> StoredAlreadyAsync(string path, StreamReader segment)
    {
        var id = SegmentId(path);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await db.InquiryAuditSegments.AsNoTracking().AnyAsync(s => s.Id == id, CancellationToken.None))
            {
                return false;
            }
        }
        catch (Exception exception)
        {
            logger.BatchWriteFailed(exception, 0);
            return false;
        }

        audit.OnAnswersStored([.. InquiryJournal.ReadEntries(segment).Select(e => e.Agency?.InquiryId).OfType<string>()]);
        logger.SegmentAlreadyWritten(id);
        return true;
    }

    /// <summary>
    /// Writes the entries in one transaction as they are read: a segment holds a second of inquiries with their signed
    /// answers (about 13 MB under load), and kept whole in memory through the transaction it outlived the young
    /// generation and cost a full collection a second (bench/README.md). The number written, or null on failure.
    /// </summary>
    private async Task<int?> WriteBatchAsync(string segmentId, IEnumerable<JournalEntry> entries, bool mayBeStoredAlready)
    {
        var count = 0;
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
                await using var insertSegment = Command(connection, transaction, InsertSegmentSql, "@segment", "@at");
                Set(insertSegment, segmentId, clock.GetUtcNow().UtcDateTime);
                await insertSegment.ExecuteNonQueryAsync(CancellationToken.None);
                await using var insert = Command(connection, transaction, InsertSql,
                    "@at", "@channel", "@outcome", "@certificate", "@client", "@agency", "@purpose", "@case", "@officer", "@nationalCode", "@inquiry", "@confidential");
                await using var deleteAnswer = Command(connection, transaction, DeleteAnswerSql, "@inquiry");
                await using var insertAnswer = Command(connection, transaction, InsertAnswerSql, "@inquiry", "@agency", "@at", "@answer");
                var answers = new List<string>();
                foreach (var entry in entries)
                {
                    count++;
                    var agency = entry.Agency;
                    Set(insert, entry.OccurredAtUtc, entry.Channel.ToString(), entry.Outcome.ToString(), entry.CertificateId, entry.ClientAddressHash,
                        agency?.AgencyClientId, agency?.Purpose?.ToString(), agency?.CaseReference, agency?.OfficerId, agency?.NationalCodeHash, agency?.InquiryId, agency?.Confidential ?? false);
                    await insert.ExecuteNonQueryAsync(CancellationToken.None);
                    if (agency is { InquiryId: { } inquiryId, SignedAnswer: { } answer })
                    {
                        if (mayBeStoredAlready)
                        {
                            Set(deleteAnswer, inquiryId);
                            await deleteAnswer.ExecuteNonQueryAsync(CancellationToken.None);
                        }

                        Set(insertAnswer, inquiryId, agency.AgencyClientId, entry.OccurredAtUtc, answer);
                        await insertAnswer.ExecuteNonQueryAsync(CancellationToken.None);
                        answers.Add(inquiryId);
                    }
                }

                await using var countSegment = Command(connection, transaction, CountSegmentSql, "@entries", "@segment");
                Set(countSegment, count, segmentId);
                await countSegment.ExecuteNonQueryAsync(CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
                audit.OnAnswersStored(answers);
                return count;
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        catch (Exception exception)
        {
            logger.BatchWriteFailed(exception, count);
            return null;
        }
    }

    private static System.Data.Common.DbCommand Command(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Only the constant SQL of this class; values are bound as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var name in parameterNames)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static void Set(System.Data.Common.DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
