using System.Globalization;
using System.Net;
using CertificateInquiry.UnitTests.Captcha;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.SharedState;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CertificateInquiry.UnitTests.Staff;

/// <summary>
/// The sign-in throttle in Redis (ADR-037): two servers on one Redis (<see cref="TestRedis.Variable"/>; those tests are
/// skipped without it) count one account's and one address's failures together, so that a guesser who spreads the
/// guesses over the servers behind a load balancer gets no more than on one; with Redis away each server counts alone.
/// </summary>
public sealed class RedisSignInThrottleTests : IDisposable
{
    private static readonly IPAddress Address = IPAddress.Parse("198.51.100.7");
    private const string Account = "GUESSED@TVTO.EXAMPLE";

    private readonly ManualClock clock = new(DateTimeOffset.UtcNow);
    private readonly string prefix = TestRedis.NewKeyPrefix();
    private readonly string folder = Directory.CreateTempSubdirectory("sign-in-throttle-").FullName;
    private readonly List<IDisposable> disposables = [];

    private readonly IOptions<StaffOptions> options = Options.Create(new StaffOptions
    {
        SignInThrottle = new SignInThrottleOptions
        {
            FreeFailuresPerAccount = 3, MaxAccountDelay = TimeSpan.FromSeconds(40), FreeFailuresPerAddress = 100,
            FirstDelay = TimeSpan.FromSeconds(10), ForgetAfter = TimeSpan.FromHours(1),
        },
    });

    public void Dispose()
    {
        foreach (var disposable in disposables)
        {
            disposable.Dispose();
        }

        Directory.Delete(folder, recursive: true);
    }

    private RedisSignInThrottle Server() => On(TestRedis.Configuration ?? throw new SkipException(TestRedis.SkipReason));

    private RedisSignInThrottle On(string configuration)
    {
        var redis = new RedisConnection(
            Options.Create(new SharedStateOptions { Configuration = configuration, KeyPrefix = prefix }), clock, NullLogger<RedisConnection>.Instance);
        disposables.Add(redis);
        return new RedisSignInThrottle(redis, new SignInThrottle(clock, options), Audit(), options);
    }

    // Every server hashes with the same configured key, as in production.
    private InquiryAudit Audit()
    {
        var audit = new InquiryAudit(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Audit:ClientAddressKey"] = "the servers' shared key",
                ["Audit:JournalFolder"] = Path.Combine(folder, "journal-" + disposables.Count),
            }).Build(),
            Options.Create(new DatabaseOptions()),
            new HostingEnvironment { ContentRootPath = folder },
            clock,
            NullLogger<InquiryAudit>.Instance);
        disposables.Add(audit);
        return audit;
    }

    [SkippableFact]
    public async Task Failures_spread_over_two_servers_hold_the_account_back_on_both()
    {
        var first = Server();
        var second = Server();

        for (var i = 0; i < 3; i++)
        {
            var attempt = await (i % 2 == 0 ? first : second).TryStartAsync(Address, Account);
            Assert.False(attempt.IsHeldBack);
            Assert.True(attempt.InRedis);
        }

        var onFirst = await first.TryStartAsync(Address, Account);
        var onSecond = await second.TryStartAsync(IPAddress.Parse("203.0.113.9"), Account); // from another address too

        Assert.True(onFirst.IsHeldBack);
        Assert.True(onSecond.IsHeldBack);
        Assert.InRange(onSecond.RetryAfter.TotalSeconds, 5, 10); // the first delay, counted once
        Assert.False((await second.TryStartAsync(Address, "ANOTHER@TVTO.EXAMPLE")).IsHeldBack);
    }

    [SkippableFact]
    public async Task A_burst_of_parallel_guesses_on_two_servers_past_the_free_failures_gets_one_guess_through()
    {
        var first = Server();
        var second = Server();
        await first.TryStartAsync(Address, Account);
        await second.TryStartAsync(Address, Account);

        // The third failure is the last free one and sets the first hold: of twenty guesses sent at once, one is checked.
        var burst = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).TryStartAsync(IPAddress.Parse("203.0.113." + (i + 1).ToString(CultureInfo.InvariantCulture)), Account))));


        Assert.Single(burst, attempt => !attempt.IsHeldBack);
        Assert.All(burst, attempt => Assert.True(attempt.InRedis));
    }

    [SkippableFact]
    public async Task A_success_on_one_server_starts_the_account_afresh_on_the_other_and_a_given_back_attempt_costs_nothing()
    {
        var first = Server();
        var second = Server();
        await first.TryStartAsync(Address, Account);
        await first.TryStartAsync(Address, Account);

        await second.GiveBackAsync(await second.TryStartAsync(Address, Account)); // the right password; the code comes next
        await second.SucceededAsync(await second.TryStartAsync(Address, Account)); // and then the right code

        for (var i = 0; i < 3; i++)
        {
            Assert.False((await first.TryStartAsync(Address, Account)).IsHeldBack);
        }

        Assert.True((await second.TryStartAsync(Address, Account)).IsHeldBack);
    }

    [SkippableFact]
    public async Task Its_redis_keys_name_neither_the_address_nor_the_email_and_all_are_forgotten_in_time()
    {
        var server = Server();
        for (var i = 0; i < 4; i++)
        {
            await server.TryStartAsync(Address, Account);
        }

        using var redis = await ConnectionMultiplexer.ConnectAsync(TestRedis.Configuration!);
        var keys = await redis.GetServers()[0].KeysAsync(pattern: prefix + "*").ToListAsync();

        Assert.Equal(3, keys.Count); // the failures of the address and of the account, and the account's hold
        Assert.All(keys, key => Assert.DoesNotContain("198.51.100.7", key.ToString(), StringComparison.Ordinal));
        Assert.All(keys, key => Assert.DoesNotContain("TVTO", key.ToString(), StringComparison.OrdinalIgnoreCase));
        foreach (var key in keys)
        {
            Assert.InRange((await redis.GetDatabase().KeyTimeToLiveAsync(key))!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
        }
    }

    [Fact]
    public async Task With_redis_away_each_server_holds_a_guesser_back_on_its_own_count()
    {
        var server = On(TestRedis.Unreachable());

        for (var i = 0; i < 3; i++)
        {
            var attempt = await server.TryStartAsync(Address, Account);
            Assert.False(attempt.IsHeldBack);
            Assert.False(attempt.InRedis);
        }

        var held = await server.TryStartAsync(Address, Account);

        Assert.True(held.IsHeldBack);
        Assert.Equal(TimeSpan.FromSeconds(10), held.RetryAfter);
    }
}
