using System.Net;
using System.Net.Sockets;

namespace CertificateInquiry.TestSupport;

/// <summary>
/// The Redis the shared-state tests use: the one named by the environment variable <see cref="Variable"/> (a
/// StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379</c>; .ci/run starts one and sets it), and an
/// address where nothing listens, for "Redis is away". Each test takes its own key prefix, so that runs and tests never
/// see each other's counts.
/// </summary>
public static class TestRedis
{
    public const string Variable = "CI_REDIS";

    public const string SkipReason = "CI_REDIS is not set (a Redis to test against, e.g. 127.0.0.1:6379): .ci/run starts redis-server and sets it.";

    /// <summary>The configured Redis, or null when <see cref="Variable"/> is unset (the caller skips with <see cref="SkipReason"/>).</summary>
    public static string? Configuration =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>A key prefix no other test or run uses.</summary>
    public static string NewKeyPrefix() => "ci-test-" + Guid.NewGuid().ToString("N")[..12] + ":";

    /// <summary>A loopback address and port nothing listens on: a port the OS just handed out and took back.</summary>
    public static string Unreachable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return "127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
