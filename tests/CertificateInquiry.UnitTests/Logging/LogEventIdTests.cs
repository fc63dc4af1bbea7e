using System.Reflection;
using Microsoft.Extensions.Logging;

namespace CertificateInquiry.UnitTests.Logging;

/// <summary>
/// The source-generated log messages ([LoggerMessage]): one event ID per message across the portal, each inside the
/// range its area has in ADR-022, so that an operator can filter the log on an ID and an ID never means two things.
/// </summary>
public sealed class LogEventIdTests
{
    /// <summary>The ranges of ADR-022, by log class.</summary>
    private static readonly Dictionary<string, (int First, int Last)> Ranges = new(StringComparer.Ordinal)
    {
        ["LookupLog"] = (1000, 1049),
        ["InquiryLog"] = (1050, 1099),
        ["RequestsLog"] = (1100, 1199),
        ["PaymentsLog"] = (1200, 1249),
        ["AgencyLog"] = (1250, 1349),
        ["AgencyPortalWorkLog"] = (1460, 1489),
        ["AnswerSigningLog"] = (1350, 1359),
        ["AnswerVerificationLog"] = (1360, 1369),
        ["AgencyBatchLog"] = (1390, 1429),
        ["AgencyPortalLog"] = (1430, 1459),
        ["AuditLog"] = (2000, 2099),
        ["OutboxLog"] = (2100, 2199),
        ["MalformedRequestsLog"] = (2200, 2299),
        ["KavenegarLog"] = (2300, 2319),
        ["SmsDeliveryLog"] = (2320, 2329),
        ["FinnotechLog"] = (2330, 2339),
        ["CivilRegistryLog"] = (2340, 2349),
        ["HolderSignInLog"] = (2370, 2389),
        ["CorrectionsLog"] = (2390, 2409),
        ["HolderLog"] = (2410, 2429),
        ["SharedStateLog"] = (2430, 2449),
        ["BackgroundWorkLog"] = (2450, 2469),
        ["PaperLettersLog"] = (3000, 3049),
    };

    private static readonly List<(MethodInfo Method, LoggerMessageAttribute Message)> Messages =
    [
        .. from type in typeof(Program).Assembly.GetTypes()
           from method in type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
           let message = method.GetCustomAttribute<LoggerMessageAttribute>()
           where message is not null
           select (method, message),
    ];

    [Fact]
    public void Every_log_class_has_a_range_and_every_message_an_event_id_no_other_message_has()
    {
        Assert.Equal(Ranges.Keys.Order(StringComparer.Ordinal), Messages.Select(m => m.Method.DeclaringType!.Name).Distinct().Order(StringComparer.Ordinal));
        var shared = Messages.GroupBy(m => m.Message.EventId)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(m => m.Method.DeclaringType!.Name + "." + m.Method.Name))}");

        Assert.Empty(shared);
    }

    [Fact]
    public void Every_log_message_lies_in_the_range_of_its_area()
    {
        var outside = Messages
            .Where(m => !Ranges.TryGetValue(m.Method.DeclaringType!.Name, out var range) || m.Message.EventId < range.First || m.Message.EventId > range.Last)
            .Select(m => $"{m.Method.DeclaringType!.Name}.{m.Method.Name} ({m.Message.EventId})");

        Assert.Empty(outside);
    }
}
