using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace CertificateInquiry.IntegrationTests.Infrastructure;

/// <summary>
/// Every event the portal logs, as its sinks get it (the portal's Serilog reads sinks from its services): rendered,
/// with its level, and with every property and the exception, so that a test can check that a secret or a personal
/// value never reaches any log line.
/// </summary>
public sealed class CapturedLog : ILogEventSink
{
    private readonly ConcurrentQueue<(LogEventLevel Level, string Message, string Everything)> events = new();

    public IReadOnlyList<(LogEventLevel Level, string Message)> Events => [.. events.Select(e => (e.Level, e.Message))];

    public void Emit(LogEvent logEvent)
    {
        var message = logEvent.RenderMessage(CultureInfo.InvariantCulture);
        var everything = string.Join('\t',
            message,
            string.Join('\t', logEvent.Properties.Select(p => p.Key + "=" + p.Value.ToString(null, CultureInfo.InvariantCulture))),
            logEvent.Exception?.ToString() ?? "");
        events.Enqueue((logEvent.Level, message, everything));
    }

    /// <summary>True when one event holds every one of <paramref name="parts"/> (in its message, a property or its exception).</summary>
    public bool Contains(params string[] parts) => events.Any(e => parts.All(part => e.Everything.Contains(part, StringComparison.Ordinal)));
}
