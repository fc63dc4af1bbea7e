using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using CertificateInquiry.UnitTests.Captcha;
using CertificateInquiry.Web.Infrastructure.Captcha;
using CertificateInquiry.Web.Infrastructure.SharedState;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CertificateInquiry.UnitTests.SharedState;

/// <summary>
/// What each shared store does when the Redis it is configured with is away (ADR-037): counters and limits fail open
/// to this process's own count, a CAPTCHA solution is never accepted, the outage is logged once, and Redis is asked
/// again only after a pause. These run with no Redis at all: they point at a port nothing listens on.
/// </summary>
public sealed class SharedStateFallbackTests : IDisposable
{
    private const int Unreachable = 2430;
    private const int AnswersAgain = 2431;

    private readonly ManualClock clock = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
    private readonly ListLogger<RedisConnection> log = new();
    private readonly RedisConnection redis;

    public SharedStateFallbackTests()
    {
        redis = new RedisConnection(
            Options.Create(new SharedStateOptions { Configuration = TestRedis.Unreachable(), KeyPrefix = TestRedis.NewKeyPrefix() }),
            clock, log);
    }

    public void Dispose() => redis.Dispose();

    [Fact]
    public async Task A_counter_whose_redis_is_away_counts_in_this_process_instead()
    {
        var counter = new RedisWindowCounter("test", TimeSpan.FromMinutes(30), redis, new ClientWindowCounter(TimeSpan.FromMinutes(30), clock));

        Assert.Equal(0, await counter.AddAsync("client"));
        Assert.Equal(1, await counter.AddAsync("client"));
        Assert.Equal(2, await counter.AddAsync("client"));
        await counter.RemoveAsync("client");

        Assert.Equal(2, await counter.CountAsync("client"));
        Assert.Equal(0, await counter.CountAsync("another"));
    }

    [Fact]
    public async Task An_outage_is_logged_once_however_many_requests_meet_it_and_its_end_once()
    {
        var counter = new RedisWindowCounter("test", TimeSpan.FromMinutes(30), redis, new ClientWindowCounter(TimeSpan.FromMinutes(30), clock));
        for (var i = 0; i < 5; i++)
        {
            await counter.AddAsync("client");
            clock.Advance(TimeSpan.FromSeconds(6)); // past the pause: Redis is asked, and fails, every time
        }

        Assert.Equal(1, log.Count(Unreachable));
        Assert.True(redis.IsInOutage);

        redis.Succeeded();
        redis.Succeeded();

        Assert.Equal(1, log.Count(AnswersAgain));
        Assert.False(redis.IsInOutage);
    }

    [Theory]
    [InlineData("", "asyncTimeout=1000", "syncTimeout=1000", "connectTimeout=2000")]
    [InlineData(",asyncTimeout=4000,syncTimeout=3000", "asyncTimeout=4000", "syncTimeout=3000", "connectTimeout=2000")]
    [InlineData(",ConnectTimeout=9000", "asyncTimeout=1000", "syncTimeout=1000", "connectTimeout=9000")]
    public void A_silent_redis_holds_a_request_at_most_a_second_unless_the_operator_says_otherwise(string operatorSettings, params string[] expected)
    {
        using var connection = new RedisConnection(
            Options.Create(new SharedStateOptions { Configuration = TestRedis.Unreachable() + operatorSettings, KeyPrefix = TestRedis.NewKeyPrefix() }),
            clock, NullLogger<RedisConnection>.Instance);

        var settings = connection.Multiplexer.Configuration.Split(',');

        Assert.All(expected, setting => Assert.Contains(setting, settings));
    }

    [Fact]
    public void After_a_failure_redis_is_left_alone_for_the_pause_then_asked_again()
    {
        Assert.True(redis.ShouldAsk);

        redis.Failed(Down(), "test");

        Assert.False(redis.ShouldAsk);
        Assert.Null(redis.Database("test"));
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(redis.ShouldAsk);
    }

    [Fact]
    public async Task With_redis_away_a_sound_captcha_solution_is_refused_every_time_with_words_a_person_can_act_on()
    {
        var challenges = new AltchaChallenges(
            Options.Create(new CaptchaOptions { Secret = "unit-test-secret", Difficulty = 1 }), clock, NullLogger<AltchaChallenges>.Instance,
            new RedisSpentSolutions(redis, new LocalSpentSolutions(clock), clock));
        const string client = "0123456789abcdef0123456789abcdef";
        var payload = AltchaSolver.Solve(challenges.Issue(client));

        Assert.Equal(CaptchaVerdict.Unavailable, await challenges.VerifyAsync(payload, client, "form"));
        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(CaptchaVerdict.Unavailable, await challenges.VerifyAsync(payload, client, "form"));
        Assert.Equal(CaptchaVerdict.Unavailable, await challenges.VerifyAsync(payload, client, "another form"));
        Assert.Contains("در دسترس نیست", CaptchaGate.RefusalMessage(CaptchaVerdict.Unavailable), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_limiter_whose_redis_throws_limits_in_this_process_and_says_so_once()
    {
        var shared = new ThrowingLimiter();
        using var limiter = new FallbackRateLimiter(() => shared, LocalLimit(2), redis, "test");

        var leases = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            using var lease = await limiter.AcquireAsync();
            leases.Add(lease.IsAcquired);
        }

        Assert.Equal([true, true, false], leases);
        Assert.Equal(1, shared.Calls); // then paused: the local limiter answers without a round trip to a dead Redis
        Assert.Equal(1, log.Count(Unreachable));
    }

    [Fact]
    public void While_redis_is_asked_a_synchronous_attempt_is_not_granted_but_during_a_pause_the_local_limiter_answers()
    {
        using var limiter = new FallbackRateLimiter(() => new ThrowingLimiter(), LocalLimit(1), redis, "test");

        using (var attempt = limiter.AttemptAcquire())
        {
            Assert.False(attempt.IsAcquired); // the middleware then calls AcquireAsync
        }

        redis.Failed(Down(), "test");
        using var paused = limiter.AttemptAcquire();
        Assert.True(paused.IsAcquired);
    }

    [Fact]
    public async Task A_refusal_counted_in_redis_carries_the_retry_after_the_429_answer_reads()
    {
        using var limiter = new FallbackRateLimiter(() => new RefusingLimiter(retryAfterSeconds: 42), LocalLimit(5), redis, "test");

        using var lease = await limiter.AcquireAsync();

        Assert.False(lease.IsAcquired);
        Assert.True(lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(42), retryAfter);
    }

    [Fact]
    public async Task Redis_answering_again_ends_the_outage()
    {
        var answering = false;
        using var limiter = new FallbackRateLimiter(
            () => answering ? new RefusingLimiter(1) : new ThrowingLimiter(), LocalLimit(5), redis, "test");
        using (await limiter.AcquireAsync())
        {
        }

        Assert.True(redis.IsInOutage);
        clock.Advance(TimeSpan.FromSeconds(5));
        answering = true;
        var fresh = new FallbackRateLimiter(() => new RefusingLimiter(1), LocalLimit(5), redis, "test");
        using (await fresh.AcquireAsync())
        {
        }

        Assert.False(redis.IsInOutage);
        Assert.Equal(1, log.Count(AnswersAgain));
        fresh.Dispose();
    }

    private static RedisConnectionException Down() =>
        new(ConnectionFailureType.UnableToConnect, CommandFlags.None, "No connection is active/available to service this operation", null, CommandStatus.Unknown);

    private static FixedWindowRateLimiter LocalLimit(int permits) => new(new FixedWindowRateLimiterOptions
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    });

    /// <summary>What RedisRateLimiting's limiters do when Redis is away: throw from AcquireAsync.</summary>
    private sealed class ThrowingLimiter : RateLimiter
    {
        public int Calls { get; private set; }

        public override TimeSpan? IdleDuration => null;

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => throw new NotSupportedException();

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            Calls++;
            throw Down();
        }
    }

    /// <summary>A Redis limiter's refusal: its retry-after in whole seconds under RedisRateLimiting's own metadata name.</summary>
    private sealed class RefusingLimiter(int retryAfterSeconds) : RateLimiter
    {
        public override TimeSpan? IdleDuration => null;

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => throw new NotSupportedException();

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult<RateLimitLease>(new Refused(retryAfterSeconds));

        private sealed class Refused(int seconds) : RateLimitLease
        {
            public override bool IsAcquired => false;

            public override IEnumerable<string> MetadataNames => ["RATELIMIT_RETRYAFTER"];

            public override bool TryGetMetadata(string metadataName, out object? metadata)
            {
                metadata = metadataName == "RATELIMIT_RETRYAFTER" ? seconds : null;
                return metadata is not null;
            }
        }
    }
}

/// <summary>The event IDs a class logged.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<int> events = new();

    public int Count(int eventId) => events.Count(e => e == eventId);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        events.Enqueue(eventId.Id);
}
