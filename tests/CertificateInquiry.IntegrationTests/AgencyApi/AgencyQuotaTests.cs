using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Agencies;
using CertificateInquiry.Web.Features.AgencyApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.AgencyApi;

/// <summary>
/// The daily quota is reserved in the database in blocks (AgencyQuota, ADR-026): a busy agency's blocks grow so that
/// it costs a write every second or so, the next is reserved before the last is spent, and no number of concurrent
/// requests ever takes more rows than the quota.
/// </summary>
public sealed class AgencyQuotaTests(ClockedDemoPortalFactory portal) : IClassFixture<ClockedDemoPortalFactory>
{
    [Fact]
    public async Task A_busy_agency_s_blocks_grow_to_a_fiftieth_of_the_quota_and_stay_within_two_blocks_of_use()
    {
        // A fiftieth of 50,000 is 1,000: single inquiries reserve 100 rows at first, then 200, 400, 800 and 1,000 at
        // a time while each block is spent within a second (the clock stands still here), the next one when half of
        // the last is left. Fixed blocks of 100 would have reserved 3,000 to 3,200.
        var agency = await AgencyAsync(50_000);

        await TakeSingleRowsAsync(agency, 3_000);

        var reserved = await Poll.UntilAsync(() => ReservedAsync(agency), total => total is 3_500 or 4_500, "the reservations of 100, 200, 400, 800, 1,000…");
        Assert.InRange(reserved, 3_000 + 1, 3_000 + (2 * AgencyQuota.MaxBlockSize(50_000)));
    }

    [Fact]
    public async Task A_batch_takes_exactly_its_rows_and_one_larger_than_what_is_left_takes_nothing()
    {
        var agency = await AgencyAsync(1_000);

        Assert.True(await TakeAsync(agency, 600));
        Assert.Equal(600, await ReservedAsync(agency));

        // Refused whole; the 400 rows left are reserved on this server and still there for smaller requests.
        Assert.False(await TakeAsync(agency, 401));
        Assert.Equal(1_000, await ReservedAsync(agency));
        Assert.True(await TakeAsync(agency, 400));
        Assert.False(await TakeAsync(agency, 1));
        Assert.Equal(1_000, await ReservedAsync(agency));
    }

    [Fact]
    public async Task Concurrent_requests_never_take_more_than_the_quota()
    {
        var agency = await AgencyAsync(500);

        var taken = await Task.WhenAll(Enumerable.Range(0, 800).Select(_ => Task.Run(() => TakeAsync(agency, 1))));

        Assert.Equal(500, taken.Count(t => t));
        Assert.Equal(500, await ReservedAsync(agency));
        Assert.False(await TakeAsync(agency, 1));
    }

    private async Task<AgencyStanding> AgencyAsync(int quota)
    {
        var credentials = await AgencyApiClients.RegisterAsync(portal, AgencyScopes.Verify, quota);
        return (await portal.WithServicesAsync(async services => await services.GetRequiredService<AgencyDirectory>().FindAsync(credentials.AgencyId, CancellationToken.None)))!;
    }

    private async Task TakeSingleRowsAsync(AgencyStanding agency, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await TakeAsync(agency, 1));
        }
    }

    private Task<bool> TakeAsync(AgencyStanding agency, int rows) =>
        portal.WithServicesAsync(services => services.GetRequiredService<AgencyQuota>().TryTakeAsync(agency, rows, CancellationToken.None));

    private Task<int> ReservedAsync(AgencyStanding agency) =>
        portal.WithDatabaseAsync(db => db.AgencyDailyUsage.Where(u => u.AgencyClientId == agency.Id).SumAsync(u => u.Rows));
}
