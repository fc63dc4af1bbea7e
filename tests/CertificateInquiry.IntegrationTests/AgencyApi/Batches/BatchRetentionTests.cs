using System.Net;
using System.Net.Http.Headers;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.AgencyApi.Batches;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.AgencyApi.Batches;

public class BatchRetentionTests(ClockedDemoPortalFactory portal) : IClassFixture<ClockedDemoPortalFactory>
{
    [SkippableFact]
    public async Task Results_are_kept_30_days_after_completion_then_deleted_and_answer_410()
    {
        var client = portal.CreateClient();
        var credentials = await AgencyApiClients.RegisterAsync(portal, AgencyScopes.Batch | AgencyScopes.Verify);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await AgencyApiClients.TokenAsync(client, credentials));
        var (location, batch) = await client.RunAsync(BatchApi.Csv(true, "t-1,0076543218,1401-08-000101,,", "t-2,0076543218,1399-01-999999,,"), "t.csv");
        Assert.Equal("completed", batch.GetProperty("status").GetString());
        var id = location[(location.LastIndexOf('/') + 1)..];
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(location + "/results?format=csv")).StatusCode);

        portal.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await portal.WithServicesAsync(s => s.GetRequiredService<AgencyBatchRetention>().DeleteExpiredAsync(CancellationToken.None)));

        portal.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await portal.WithServicesAsync(s => s.GetRequiredService<AgencyBatchRetention>().DeleteExpiredAsync(CancellationToken.None)));
        Assert.Equal(0, await portal.WithServicesAsync(s => s.GetRequiredService<AgencyBatchRetention>().DeleteExpiredAsync(CancellationToken.None)));

        // Tokens are short-lived and the clock has moved a month: the agency asks for a new one.
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await AgencyApiClients.TokenAsync(client, credentials));
        using var gone = await client.GetAsync(location + "/results?format=csv");
        using var goneSignature = await client.GetAsync(location + "/results.jws?format=xlsx");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, goneSignature.StatusCode);
        var after = await client.WaitAsync(location);
        Assert.True(after.GetProperty("resultsDeleted").GetBoolean());
        Assert.Equal(2, after.GetProperty("counts").GetProperty("total").GetInt32());
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.AgencyBatchRows.CountAsync(r => r.BatchId == id)));
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.AgencyBatchFiles.CountAsync(f => f.BatchId == id)));
    }

    public sealed class PostgreSql(PostgreSqlClockedDemoPortalFactory portal)
        : BatchRetentionTests(PostgreSqlVariant.Of<ClockedDemoPortalFactory>(portal)), IClassFixture<PostgreSqlClockedDemoPortalFactory>;
}
