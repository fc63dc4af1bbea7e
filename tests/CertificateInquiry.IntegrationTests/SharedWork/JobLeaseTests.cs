using CertificateInquiry.Web.Features.Retention;
using CertificateInquiry.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CertificateInquiry.IntegrationTests.SharedWork;

/// <summary>The periodic jobs' database lease (ADR-038) with several servers on one database.</summary>
public abstract class JobLeaseTests(ServerFarm farm)
{
    private static readonly Dictionary<string, string?> NoRetention = new() { ["Retention:Enabled"] = "false" };

    [SkippableFact]
    public async Task Of_three_servers_claiming_a_job_that_never_ran_exactly_one_holds_it()
    {
        using var a = farm.First(NoRetention);
        using var b = farm.Another(a, NoRetention);
        using var c = farm.Another(a, NoRetention);
        var until = DateTime.UtcNow.AddMinutes(1);

        // The servers start first (WebApplicationFactory builds its host on first use, and not safely from two threads at once).
        var servers = new[] { a, b, c }.Select(server => server.Services.GetRequiredService<JobLeases>()).ToArray();

        // Four claimants per server, all at once: the row does not exist yet, so they race to insert it.
        var claims = await Task.WhenAll(servers.SelectMany((server, s) => Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            var owner = $"server-{s}-{i}";
            return (owner, won: await server.TryClaimAsync("race", owner, until, CancellationToken.None));
        }))));

        var winner = Assert.Single(claims, claim => claim.won);
        var row = await servers[0].FindAsync("race", CancellationToken.None);
        Assert.Equal(winner.owner, row!.Owner);

        // And once the row exists, the same race through the conditional UPDATE.
        Assert.True(await servers[0].RenewAsync("race", winner.owner, DateTime.UtcNow.AddSeconds(-1), CancellationToken.None));
        var again = await Task.WhenAll(servers.SelectMany((server, s) => Enumerable.Range(0, 4).Select(i => Task.Run(() =>
            server.TryClaimAsync("race", $"again-{s}-{i}", until, CancellationToken.None)))));
        Assert.Single(again, won => won);
    }

    [SkippableFact]
    public async Task A_server_that_dies_holding_a_job_leaves_it_to_another_once_its_lease_has_run_out()
    {
        using var a = farm.First(NoRetention);
        using var b = farm.Another(a, NoRetention);
        var leasesA = a.Services.GetRequiredService<JobLeases>();
        var leasesB = b.Services.GetRequiredService<JobLeases>();

        Assert.True(await leasesA.TryClaimAsync("sweep", "dies", DateTime.UtcNow.AddSeconds(1.5), CancellationToken.None));
        Assert.False(await leasesB.TryClaimAsync("sweep", "lives", DateTime.UtcNow.AddMinutes(1), CancellationToken.None)); // still held

        await Task.Delay(TimeSpan.FromSeconds(1.7)); // "dies" never renews nor releases
        Assert.True(await leasesB.TryClaimAsync("sweep", "lives", DateTime.UtcNow.AddMinutes(1), CancellationToken.None));

        // Back from a long pause, the old holder finds the job taken: its renewal and its release change nothing.
        Assert.False(await leasesA.RenewAsync("sweep", "dies", DateTime.UtcNow.AddMinutes(5), CancellationToken.None));
        await leasesA.ReleaseAsync("sweep", "dies", DateTime.UtcNow);
        var row = await leasesA.FindAsync("sweep", CancellationToken.None);
        Assert.Equal("lives", row!.Owner);
        Assert.True(row.LeasedUntilUtc > DateTime.UtcNow.AddSeconds(30));
    }

    [SkippableFact]
    public async Task A_pass_longer_than_its_lease_keeps_the_job_by_renewing_it_and_stops_when_another_server_has_taken_it()
    {
        using var a = farm.First(NoRetention);
        using var b = farm.Another(a, NoRetention);
        var lease = TimeSpan.FromMilliseconds(600);
        var long1 = new SlowJob(a.Services.GetRequiredService<JobLeases>(), TimeSpan.FromSeconds(2.5), lease);
        var other = new SlowJob(b.Services.GetRequiredService<JobLeases>(), TimeSpan.Zero, lease);

        // Four leases long, renewed every fifth of a second: the other server never gets in, during the pass or after it.
        var running = long1.TryRunAsync(CancellationToken.None);
        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(250);
            Assert.False(await other.TryRunAsync(CancellationToken.None), $"the other server ran the job {i * 250 + 250} ms into a pass that renews its lease");
        }

        Assert.True(await running);
        Assert.Equal((1, 0), (long1.Completed, long1.Cancelled));
        Assert.False(await other.TryRunAsync(CancellationToken.None)); // next due in ten minutes
        Assert.Equal(0, other.Completed);

        // A pass whose job another server took over (it was paused past its lease) stops at its next renewal.
        await a.WithDatabaseAsync(db => db.JobLeases.Where(l => l.Name == "slow")
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.LeasedUntilUtc, DateTime.UtcNow.AddSeconds(-1))));
        var taken = long1.TryRunAsync(CancellationToken.None);
        await Task.Delay(100);
        await a.WithDatabaseAsync(db => db.JobLeases.Where(l => l.Name == "slow")
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Owner, "another-server").SetProperty(l => l.LeasedUntilUtc, DateTime.UtcNow.AddMinutes(1))));
        Assert.True(await taken);
        Assert.Equal((1, 1), (long1.Completed, long1.Cancelled));
        Assert.Equal("another-server", (await a.Services.GetRequiredService<JobLeases>().FindAsync("slow", CancellationToken.None))!.Owner);
    }

    [SkippableFact]
    public async Task Three_servers_running_the_retention_timer_run_one_pass_per_interval_between_them()
    {
        var retentionOn = new Dictionary<string, string?> { ["Retention:Enabled"] = "true" };
        using var a = farm.First(retentionOn);
        using var b = farm.Another(a, retentionOn);
        using var c = farm.Another(a, retentionOn);
        var servers = new[] { a, b, c };
        var workers = servers.Select(s => s.Services.GetServices<IHostedService>().OfType<RetentionWorker>().Single()).ToList(); // starts all three

        // Each server's timer fired at start-up; one of them ran the pass and left the job alone for the interval (an hour).
        var row = await Poll.UntilAsync(
            () => a.Services.GetRequiredService<JobLeases>().FindAsync(RetentionWorker.Name, CancellationToken.None),
            lease => lease is not null && lease.LeasedUntilUtc > DateTime.UtcNow.AddMinutes(50),
            "the retention pass ended");
        Assert.Contains(row!.Owner, workers.Select(w => w.Owner));
        Assert.Equal(1, servers.Sum(s => s.Log.Events.Count(e => e.Message.StartsWith("Retention: ", StringComparison.Ordinal))));

        // Called again on every server before the hour is up: nobody runs it.
        var ran = await Task.WhenAll(workers.Select(w => w.TryRunAsync(CancellationToken.None)));
        Assert.All(ran, Assert.False);
        Assert.Equal(1, servers.Sum(s => s.Log.Events.Count(e => e.Message.StartsWith("Retention: ", StringComparison.Ordinal))));
    }
}
