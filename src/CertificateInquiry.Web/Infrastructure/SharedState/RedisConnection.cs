using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CertificateInquiry.Web.Infrastructure.SharedState;

/// <summary>
/// The one Redis connection of the process, opened on first use, and the state of an outage. Commands fail at once
/// while Redis is away (<see cref="BacklogPolicy.FailFast"/>) instead of queueing: every store has an answer for that
/// (ADR-037). After a failure the stores are told to use their fallback for <see cref="SharedStateOptions.RetryAfterFailure"/>
/// without asking, and the outage is logged once when it starts and once when it ends.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly SharedStateOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger<RedisConnection> logger;
    private readonly Lazy<ConnectionMultiplexer> multiplexer;

    private long pausedUntilTicks;

    // Ticks when the outage began; 0 while Redis answers. Exchanged, so that the outage is logged by one request only.
    private long outageSinceTicks;

    public RedisConnection(IOptions<SharedStateOptions> options, TimeProvider clock, ILogger<RedisConnection> logger)
    {
        this.options = options.Value;
        this.clock = clock;
        this.logger = logger;
        multiplexer = new Lazy<ConnectionMultiplexer>(Connect, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The multiplexer, for RedisRateLimiting's limiters; connecting never throws for an unreachable server.</summary>
    public IConnectionMultiplexer Multiplexer => multiplexer.Value;

    /// <summary>Whether Redis is in an outage now (a call failed and none has succeeded since).</summary>
    public bool IsInOutage => Interlocked.Read(ref outageSinceTicks) != 0;

    /// <summary>A key of this portal: the prefix, the store's name and an id that is never a national code or an address.</summary>
    public string Key(string store, string id) => options.KeyPrefix + store + ":" + id;

    /// <summary>The database to ask now, or null while the stores should use their fallback after a failure.</summary>
    public IDatabase? Database(string store)
    {
        if (clock.GetUtcNow().UtcTicks < Interlocked.Read(ref pausedUntilTicks))
        {
            return null;
        }

        try
        {
            return multiplexer.Value.GetDatabase();
        }
        catch (Exception exception) when (IsFailure(exception))
        {
            Failed(exception, store);
            return null;
        }
    }

    /// <summary>Whether the stores should ask Redis now rather than their fallback.</summary>
    public bool ShouldAsk => clock.GetUtcNow().UtcTicks >= Interlocked.Read(ref pausedUntilTicks);

    /// <summary>A Redis call failed: the fallback is used for a while, and a new outage is logged.</summary>
    public void Failed(Exception exception, string store)
    {
        var now = clock.GetUtcNow().UtcTicks;
        Interlocked.Exchange(ref pausedUntilTicks, now + options.RetryAfterFailure.Ticks);
        if (Interlocked.CompareExchange(ref outageSinceTicks, now, 0) == 0)
        {
            logger.RedisUnreachable(exception, store);
        }
    }

    /// <summary>A Redis call succeeded: an outage, if there was one, is over.</summary>
    public void Succeeded()
    {
        if (Interlocked.Read(ref outageSinceTicks) == 0)
        {
            return;
        }

        var since = Interlocked.Exchange(ref outageSinceTicks, 0);
        if (since != 0)
        {
            logger.RedisAnswersAgain((long)TimeSpan.FromTicks(clock.GetUtcNow().UtcTicks - since).TotalSeconds);
        }
    }

    /// <summary>What a Redis call throws when Redis is away, slow or refuses: anything else is a bug and is not hidden.</summary>
    public static bool IsFailure(Exception exception) => exception is RedisException or TimeoutException;

    public void Dispose()
    {
        if (multiplexer.IsValueCreated)
        {
            multiplexer.Value.Dispose();
        }
    }

    private ConnectionMultiplexer Connect()
    {
        var configuration = ConfigurationOptions.Parse(options.Configuration!);

        // Start even with Redis away, and fail a command at once rather than hold the request while it reconnects.
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;

        // Every form asks a counter on its way: a hung Redis must not hold a request for the library's 5 s.
        if (!Sets(options.Configuration!, "asyncTimeout"))
        {
            configuration.AsyncTimeout = 1000;
        }

        if (!Sets(options.Configuration!, "syncTimeout"))
        {
            configuration.SyncTimeout = 1000;
        }

        if (!Sets(options.Configuration!, "connectTimeout"))
        {
            configuration.ConnectTimeout = 2000;
        }

        logger.RedisConfigured(options.KeyPrefix);
        return ConnectionMultiplexer.Connect(configuration);
    }

    private static bool Sets(string configuration, string option) =>
        configuration.Split(',').Any(part => part.Trim().StartsWith(option + "=", StringComparison.OrdinalIgnoreCase));
}
