using System.Threading.RateLimiting;
using CertificateInquiry.UnitTests.Captcha;
using CertificateInquiry.Web.Infrastructure.Captcha;
using CertificateInquiry.Web.Infrastructure.SharedState;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RedisRateLimiting;

namespace CertificateInquiry.UnitTests.SharedState;

/// <summary>
/// The Redis stores against a real Redis (<see cref="TestRedis.Variable"/>; skipped without it): the same semantics as
/// the in-process ones, and two stores on one Redis (two servers) see each other.
/// </summary>
public sealed class LiveRedisStoreTests : IDisposable
{
    private readonly ManualClock clock = new(DateTimeOffset.UtcNow);
    private readonly string prefix = TestRedis.NewKeyPrefix();
    private readonly List<RedisConnection> connections = [];

    public void Dispose()
    {
        foreach (var connection in connections)
        {
            connection.Dispose();
        }
    }

    private RedisConnection Server()
    {
        Skip.If(TestRedis.Configuration is null, TestRedis.SkipReason);
        var connection = new RedisConnection(
            Options.Create(new SharedStateOptions { Configuration = TestRedis.Configuration, KeyPrefix = prefix }), clock, NullLogger<RedisConnection>.Instance);
        connections.Add(connection);
        return connection;
    }

    private RedisWindowCounter Counter(RedisConnection server, TimeSpan window) =>
        new("test", window, server, new ClientWindowCounter(window, clock));

    [SkippableFact]
    public async Task Two_servers_count_one_window_per_client_and_a_removal_gives_one_back()
    {
        var first = Counter(Server(), TimeSpan.FromMinutes(30));
        var second = Counter(Server(), TimeSpan.FromMinutes(30));

        Assert.Equal(0, await first.AddAsync("client"));
        Assert.Equal(1, await second.AddAsync("client"));
        Assert.Equal(2, await first.AddAsync("client"));
        await second.RemoveAsync("client");

        Assert.Equal(2, await first.CountAsync("client"));
        Assert.Equal(2, await second.CountAsync("client"));
        Assert.Equal(0, await second.CountAsync("another"));
    }

    [SkippableFact]
    public async Task The_window_starts_with_the_first_event_and_its_key_expires_with_it()
    {
        var server = Server();
        var counter = Counter(server, TimeSpan.FromMinutes(30));
        await counter.AddAsync("client");
        await counter.AddAsync("client");

        var ttl = server.Multiplexer.GetDatabase().KeyTimeToLive(server.Key("test", "client"));

        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30)); // set by the first, not pushed back by the second
    }

    [SkippableFact]
    public async Task A_solution_spent_on_one_server_is_resubmitted_for_the_same_form_and_replayed_for_any_other_on_another()
    {
        var first = new RedisSpentSolutions(Server(), new LocalSpentSolutions(clock), clock);
        var second = new RedisSpentSolutions(Server(), new LocalSpentSolutions(clock), clock);
        var signature = Guid.NewGuid().ToString("N");
        var expiresAt = clock.GetUtcNow().AddMinutes(5);

        Assert.Equal(SpendOutcome.Spent, await first.TrySpendAsync(signature, expiresAt, "form"));
        Assert.Equal(SpendOutcome.Resubmitted, await second.TrySpendAsync(signature, expiresAt, "form"));
        Assert.Equal(SpendOutcome.Replayed, await second.TrySpendAsync(signature, expiresAt, "another form"));
        Assert.Equal(SpendOutcome.Replayed, await second.TrySpendAsync(signature, expiresAt, null));
    }

    [SkippableFact]
    public async Task A_redis_restarted_empty_does_not_let_a_solution_be_replayed_on_the_server_that_accepted_it()
    {
        var server = Server();
        var spent = new RedisSpentSolutions(server, new LocalSpentSolutions(clock), clock);
        var signature = Guid.NewGuid().ToString("N");
        var expiresAt = clock.GetUtcNow().AddMinutes(5);
        Assert.Equal(SpendOutcome.Spent, await spent.TrySpendAsync(signature, expiresAt, "form"));

        server.Multiplexer.GetDatabase().KeyDelete(server.Key("captcha-spent", signature)); // as if Redis lost it

        Assert.Equal(SpendOutcome.Replayed, await spent.TrySpendAsync(signature, expiresAt, "another form"));
    }

    [SkippableFact]
    public async Task An_agencys_token_bucket_is_one_bucket_for_two_servers()
    {
        var options = new TokenBucketRateLimiterOptions { TokenLimit = 3, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromMinutes(1), QueueLimit = 0 };
        var servers = new[] { Server(), Server() };
        var limiters = servers.Select(server => new FallbackRateLimiter(
            () => new RedisTokenBucketRateLimiter<string>(server.Key("rl-agency", "7"), new RedisTokenBucketRateLimiterOptions
            {
                TokenLimit = options.TokenLimit,
                TokensPerPeriod = options.TokensPerPeriod,
                ReplenishmentPeriod = options.ReplenishmentPeriod,
                ConnectionMultiplexerFactory = () => server.Multiplexer,
            }),
            new TokenBucketRateLimiter(options), server, "rl-agency")).ToList();

        var granted = 0;
        for (var i = 0; i < 6; i++)
        {
            using var lease = await limiters[i % 2].AcquireAsync();
            granted += lease.IsAcquired ? 1 : 0;
        }

        Assert.Equal(3, granted); // not 3 per server
        Assert.All(servers, server => Assert.False(server.IsInOutage));
        limiters.ForEach(limiter => limiter.Dispose());
    }

    [SkippableFact]
    public async Task No_key_holds_more_than_the_prefix_a_store_name_and_a_hash()
    {
        var server = Server();
        await Counter(server, TimeSpan.FromMinutes(1)).AddAsync("0123456789abcdef0123456789abcdef");

        var keys = server.Multiplexer.GetServers()[0].Keys(pattern: prefix + "*").Select(k => k.ToString()).ToList();

        Assert.Equal([prefix + "test:0123456789abcdef0123456789abcdef"], keys);
    }
}
