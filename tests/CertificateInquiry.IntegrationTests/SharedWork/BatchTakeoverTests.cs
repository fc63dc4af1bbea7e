using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.AgencyApi.Batches;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CertificateInquiry.IntegrationTests.SharedWork;

/// <summary>An agency batch whose server stops mid-way without releasing it (ADR-028, ADR-038).</summary>
public abstract class BatchTakeoverTests(ServerFarm farm)
{
    private const int Rows = 400;

    // One row per chunk, so the batch takes long enough to stop in the middle; a short lease, so another takes over soon.
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["AgencyApi:BatchChunkSize"] = "1",
        ["AgencyApi:BatchLease"] = "00:00:02",
        ["AgencyApi:BatchPollInterval"] = "00:00:00.200",
        ["Retention:Enabled"] = "false",
    };

    [SkippableFact]
    public async Task A_batch_whose_server_stops_mid_way_is_finished_by_another_once_the_lease_runs_out_with_one_result_per_row()
    {
        using var a = farm.First(Settings);
        var batchId = await QueueBatchAsync(a);
        var workerA = a.Services.GetServices<IHostedService>().OfType<AgencyBatchWorker>().Single();

        // Server A answers some rows, then stops as a killed server would: after a committed chunk, its lease left as it was.
        await Poll.UntilAsync(() => BatchAsync(a, batchId), batch => batch.Processed >= 3, "server A started the batch");
        await workerA.StopAsync(CancellationToken.None);
        var stopped = await BatchAsync(a, batchId);
        Assert.True(stopped.Processed < Rows, $"server A finished all {Rows} rows before it could be stopped: nothing was taken over");
        Assert.Equal(AgencyBatchStatus.Running, stopped.Status);
        Assert.NotNull(stopped.LeaseOwner);

        using var b = farm.Another(a, Settings);
        _ = b.Services;
        var done = await Poll.UntilAsync(() => BatchAsync(a, batchId), batch => batch.Status == AgencyBatchStatus.Completed, "server B finished the batch");

        // B went on from A's last commit: no row answered twice, none skipped.
        Assert.True(b.LogsContain(batchId, $"resuming after {stopped.Processed} of {Rows} rows"), "server B resumed where server A stopped");
        Assert.Equal((Rows, Rows), (done.Processed, done.Verified + done.NotFound + done.Invalid));
        var rows = await a.WithDatabaseAsync(db => db.AgencyBatchRows.AsNoTracking().Where(r => r.BatchId == batchId).ToListAsync());
        Assert.Equal(Rows, rows.Count);
        Assert.All(rows, row => Assert.True(row.Processed && row.Outcome is not null, $"row {row.RowNumber} has no result"));
        var audit = await a.WithDatabaseAsync(db => db.InquiryAudit.AsNoTracking()
            .Where(e => e.Channel == InquiryChannel.AgencyBatch && e.InquiryId!.StartsWith(batchId + "-")).Select(e => e.InquiryId!).ToListAsync());
        Assert.Equal(Rows, audit.Count);
        Assert.Equal(Rows, audit.Distinct(StringComparer.Ordinal).Count());
    }

    private static Task<AgencyBatch> BatchAsync(PortalFactory server, string id) =>
        server.WithDatabaseAsync(db => db.AgencyBatches.AsNoTracking().SingleAsync(b => b.Id == id));

    /// <summary>A queued batch of <see cref="Rows"/> rows, as an upload leaves it; the servers' workers find it on their next poll.</summary>
    private static Task<string> QueueBatchAsync(PortalFactory server) =>
        server.WithDatabaseAsync(async db =>
        {
            var agency = new AgencyClient { ClientId = "farm-" + Guid.NewGuid().ToString("N"), Name = "سازمان آزمایشی", Kind = AgencyKind.Government, DailyRowQuota = 100_000 };
            db.AgencyClients.Add(agency);
            await db.SaveChangesAsync();
            var id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
            db.AgencyBatches.Add(new AgencyBatch
            {
                Id = id, AgencyClientId = agency.Id, IdempotencyKey = "farm", FileSha256 = new string('0', 64), CaseReference = "c", OfficerId = "o",
                FileName = "list.csv", ClientAddressHash = new string('f', 32), Status = AgencyBatchStatus.Queued, Total = Rows, CreatedAtUtc = DateTime.UtcNow,
            });
            db.AgencyBatchRows.AddRange(Enumerable.Range(1, Rows).Select(n => new AgencyBatchRow
            {
                BatchId = id, RowNumber = n, RowId = "r" + n,
                NationalCode = (n % 3 == 0) ? null : "00123456" + (n % 90 + 10), // some rows invalid, the rest looked up
                Reason = (n % 3 == 0) ? "invalid_national_code" : null,
            }));
            await db.SaveChangesAsync();
            return id;
        });
}
