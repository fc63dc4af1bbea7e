using System.Globalization;
using System.Data.Common;
using System.Diagnostics;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Shared.Batches;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.AgencyApi.Batches;

/// <summary>
/// Answers queued batches (ADR-028). A batch is claimed with a lease by one conditional UPDATE (of several servers only
/// one wins), then answered in chunks of <c>AgencyApi:BatchChunkSize</c> rows from its first unprocessed row: the
/// lookups first, then one transaction per chunk that writes the rows' results and processed flags, one audit row per
/// batch row, the batch's counts and a renewed lease. So a process killed mid-batch loses at most an uncommitted chunk,
/// and whoever claims the batch once the lease has run out goes on from where the last commit stopped: every input row
/// ends with exactly one result and one audit row. Woken by uploads on this server; polls for the rest, and runs the
/// retention clean-up on the way.
/// </summary>
public sealed class AgencyBatchWorker(
    IServiceScopeFactory scopes,
    AgencyBatchSignal signal,
    AgencyBatchRetention retention,
    IOptions<AgencyApiOptions> options,
    TimeProvider clock,
    ILogger<AgencyBatchWorker> logger)
    : BackgroundService
{
    private const string UpdateRowSql =
        "UPDATE \"AgencyBatchRows\" SET \"Processed\" = @processed, \"Outcome\" = @outcome, \"FirstNameMatch\" = @firstMatch, \"LastNameMatch\" = @lastMatch, "
        + "\"Certificates\" = @certificates, \"NationalCode\" = NULL, \"CertificateNumber\" = NULL, \"FirstName\" = NULL, \"LastName\" = NULL "
        + "WHERE \"BatchId\" = @batch AND \"RowNumber\" = @number AND \"Processed\" = @unprocessed";

    private const string InsertAuditSql =
        "INSERT INTO \"InquiryAudit\" (\"OccurredAtUtc\", \"Channel\", \"Outcome\", \"CertificateId\", \"ClientAddressHash\", "
        + "\"AgencyClientId\", \"Purpose\", \"CaseReference\", \"OfficerId\", \"NationalCodeHash\", \"InquiryId\", \"Confidential\") "
        + "VALUES (@at, @channel, @outcome, @certificate, @client, @agency, @purpose, @case, @officer, @nationalCode, @inquiry, @confidential)";

    private const string UpdateBatchSql =
        "UPDATE \"AgencyBatches\" SET \"Processed\" = \"Processed\" + @processed, \"Verified\" = \"Verified\" + @verified, "
        + "\"NotFound\" = \"NotFound\" + @notFound, \"Invalid\" = \"Invalid\" + @invalid, \"LeasedUntilUtc\" = @until "
        + "WHERE \"Id\" = @batch AND \"LeaseOwner\" = @owner";

    /// <summary>This worker's name in leases: the server, the process and a random part (two workers never share one).</summary>
    private readonly string owner = LeaseOwner.NewName();

    private DateTime nextRetention = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOnceAsync(stoppingToken))
                {
                    // another batch may be waiting
                }

                var now = clock.GetUtcNow().UtcDateTime;
                if (now >= nextRetention)
                {
                    nextRetention = now + TimeSpan.FromMinutes(10);
                    await retention.DeleteExpiredAsync(stoppingToken);
                }

                await signal.WaitAsync(options.Value.BatchPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.WorkFailed(exception);
                try
                {
                    await Task.Delay(options.Value.BatchPollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Claims one batch that is waiting (queued, or running under an expired lease) and answers it; false when none was waiting.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.AgencyBatches.AsNoTracking()
            .Where(b => (b.Status == AgencyBatchStatus.Queued || b.Status == AgencyBatchStatus.Running) && (b.LeasedUntilUtc == null || b.LeasedUntilUtc <= now))
            .OrderBy(b => b.CreatedAtUtc)
            .Select(b => b.Id)
            .Take(10)
            .ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            var until = now + settings.BatchLease;
            var claimed = await db.AgencyBatches
                .Where(b => b.Id == id && (b.Status == AgencyBatchStatus.Queued || b.Status == AgencyBatchStatus.Running)
                    && (b.LeasedUntilUtc == null || b.LeasedUntilUtc <= now))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(b => b.Status, AgencyBatchStatus.Running)
                    .SetProperty(b => b.LeaseOwner, owner)
                    .SetProperty(b => b.LeasedUntilUtc, until)
                    .SetProperty(b => b.StartedAtUtc, b => b.StartedAtUtc ?? now), cancellationToken);
            if (claimed == 1)
            {
                var batch = await db.AgencyBatches.AsNoTracking().SingleAsync(b => b.Id == id, cancellationToken);
                await ProcessAsync(batch, cancellationToken);
                return true;
            }
        }

        return false;
    }

    private async Task ProcessAsync(AgencyBatch batch, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var chunkSize = Math.Max(1, settings.BatchChunkSize);
        logger.BatchClaimed(batch.Id, owner, batch.Processed, batch.Total);
        var watch = Stopwatch.StartNew();
        var after = 0; // rows up to here are answered: the next chunk's query starts past them
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var db = services.GetRequiredService<AppDbContext>();
            var rows = await db.AgencyBatchRows.AsNoTracking()
                .Where(r => r.BatchId == batch.Id && r.RowNumber > after && !r.Processed)
                .OrderBy(r => r.RowNumber)
                .Take(chunkSize)
                .ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var expires = now + settings.BatchRetention;
                var completed = await db.AgencyBatches
                    .Where(b => b.Id == batch.Id && b.LeaseOwner == owner && b.Processed == b.Total)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(b => b.Status, AgencyBatchStatus.Completed)
                        .SetProperty(b => b.CompletedAtUtc, now)
                        .SetProperty(b => b.ResultsExpireAtUtc, expires)
                        .SetProperty(b => b.LeaseOwner, (string?)null)
                        .SetProperty(b => b.LeasedUntilUtc, (DateTime?)null), CancellationToken.None);
                if (completed == 1)
                {
                    logger.BatchCompleted(batch.Id, batch.Total, watch.ElapsedMilliseconds);
                }
                else
                {
                    logger.LeaseLost(batch.Id, owner);
                }

                return;
            }

            var answers = new List<RowAnswer>(rows.Count);
            var finder = services.GetRequiredService<AgencyFinder>();
            foreach (var row in rows)
            {
                answers.Add(await AnswerAsync(row, finder));
            }

            // The commit is not cancelled half-way by shutdown: a chunk is written whole or not at all.
            if (!await CommitAsync(db, services.GetRequiredService<InquiryAudit>(), batch, answers))
            {
                logger.LeaseLost(batch.Id, owner);
                return;
            }

            after = rows[^1].RowNumber;
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static async Task<RowAnswer> AnswerAsync(AgencyBatchRow row, AgencyFinder finder)
    {
        if (row.Reason is not null || row.NationalCode is null)
        {
            return new RowAnswer(row, BatchRowOutcome.Invalid, null, null, null, null);
        }

        var finding = await finder.FindAsync(new AgencyQuery(row.NationalCode, row.CertificateNumber, row.FirstName, row.LastName));
        if (!finding.Verified)
        {
            return new RowAnswer(row, BatchRowOutcome.NotFound, null, null, null, null);
        }

        var certificates = finding.Certificates.Select(facts => AgencyBatchCertificate.From(facts, finding.Nationality)).ToList();
        return new RowAnswer(row, BatchRowOutcome.Verified, finding.FirstName, finding.LastName, AgencyBatchCertificate.Serialize(certificates), certificates[0].CertificateId);
    }

    /// <summary>One chunk in one transaction; false (nothing written) when the lease was lost or a row was already answered.</summary>
    private async Task<bool> CommitAsync(AppDbContext db, InquiryAudit audit, AgencyBatch batch, List<RowAnswer> answers)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await db.Database.OpenConnectionAsync(CancellationToken.None);
            try
            {
                var connection = db.Database.GetDbConnection();
                await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
                await using var updateRow = Command(connection, transaction, UpdateRowSql,
                    "@processed", "@outcome", "@firstMatch", "@lastMatch", "@certificates", "@batch", "@number", "@unprocessed");
                await using var insertAudit = Command(connection, transaction, InsertAuditSql,
                    "@at", "@channel", "@outcome", "@certificate", "@client", "@agency", "@purpose", "@case", "@officer", "@nationalCode", "@inquiry", "@confidential");
                var now = clock.GetUtcNow().UtcDateTime;
                int verified = 0, notFound = 0, invalid = 0;
                foreach (var answer in answers)
                {
                    var row = answer.Row;
                    Set(updateRow, true, Code(answer.Outcome), Match(answer.FirstName), Match(answer.LastName), answer.Certificates, batch.Id, row.RowNumber, false);
                    if (await updateRow.ExecuteNonQueryAsync(CancellationToken.None) != 1)
                    {
                        await transaction.RollbackAsync(CancellationToken.None);
                        return false;
                    }

                    var outcome = answer.Outcome switch
                    {
                        BatchRowOutcome.Verified => InquiryOutcome.Match,
                        BatchRowOutcome.NotFound => InquiryOutcome.Miss,
                        _ => InquiryOutcome.Invalid,
                    };
                    Set(insertAudit, now, InquiryChannel.AgencyBatch.ToString(), outcome.ToString(), answer.CertificateId, batch.ClientAddressHash,
                        batch.AgencyClientId, batch.Purpose.ToString(), batch.CaseReference, batch.OfficerId,
                        row.NationalCode is { } code ? audit.HashNationalCode(code) : null, InquiryId(batch.Id, row.RowNumber), batch.Confidential);
                    await insertAudit.ExecuteNonQueryAsync(CancellationToken.None);
                    switch (answer.Outcome)
                    {
                        case BatchRowOutcome.Verified: verified++; break;
                        case BatchRowOutcome.NotFound: notFound++; break;
                        default: invalid++; break;
                    }
                }

                await using var updateBatch = Command(connection, transaction, UpdateBatchSql,
                    "@processed", "@verified", "@notFound", "@invalid", "@until", "@batch", "@owner");
                Set(updateBatch, answers.Count, verified, notFound, invalid, now + options.Value.BatchLease, batch.Id, owner);
                if (await updateBatch.ExecuteNonQueryAsync(CancellationToken.None) != 1)
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                    return false;
                }

                await transaction.CommitAsync(CancellationToken.None);
                return true;
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
    }

    /// <summary>The audit's id of a batch row: the batch's id and the row's number.</summary>
    public static string InquiryId(string batchId, int rowNumber) => string.Create(CultureInfo.InvariantCulture, $"{batchId}-{rowNumber}");

    public static string Code(BatchRowOutcome outcome) => outcome switch
    {
        BatchRowOutcome.Verified => "verified",
        BatchRowOutcome.NotFound => "not_found",
        _ => "invalid",
    };

    private static string? Match(NameMatch? match) => match is { } value ? AgencyWireNames.Of(value) : null;

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameterNames)
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

    private static void Set(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    private sealed record RowAnswer(
        AgencyBatchRow Row, BatchRowOutcome Outcome, NameMatch? FirstName, NameMatch? LastName, string? Certificates, long? CertificateId);
}
