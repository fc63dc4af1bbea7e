using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.OutsideServices;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.Notifications.Kavenegar;

/// <summary>
/// SMS through Kavenegar's REST API (kavenegar.com/rest.html; the operator's own .NET client, kavenegar/kavenegar-dotnet,
/// makes the same calls): <c>POST {BaseUrl}/v1/{API key}/{method}.json</c> with form fields, answered by
/// <c>{"return": {"status", "message"}, "entries": [...]}</c>, whose status is also the HTTP status.
/// <list type="bullet">
/// <item>One-time codes through <c>verify/lookup</c>: the approved template and the code as its token. Not repeated on
/// failure: the applicant asks for a new code.</item>
/// <item>Status messages through <c>sms/send</c> with a <c>localid</c> derived from the outbox's idempotency key, so that
/// the outbox's retry of a send whose answer was lost is dropped by the operator, which answers with the first send.</item>
/// <item>Delivery reports through <c>sms/statuslocalmessageid</c>, by the same localids.</item>
/// </list>
/// The API key is part of every URL: the HTTP clients' own loggers are removed and no exception message here holds a URL.
/// </summary>
public sealed class KavenegarSmsSender(
    IHttpClientFactory clients,
    IOptions<KavenegarOptions> options,
    OutsideServiceHealth health,
    ILogger<KavenegarSmsSender> logger)
    : ISmsSender, ISmsDeliveryReports
{
    public const string ServiceName = "sms-kavenegar";
    public const string SendClient = "kavenegar-send";
    public const string ReportsClient = "kavenegar-reports";

    /// <summary>The status call takes at most this many localids (Kavenegar's limit for status checks).</summary>
    public const int MaxReportsPerCall = 500;

    /// <summary>Kavenegar's localid is a number: 18 digits of the key's SHA-256 fit a long and make two keys' collision negligible.</summary>
    public static string LocalId(string idempotencyKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey), hash);
        var number = BitConverter.ToUInt64(hash[..8]) % 1_000_000_000_000_000_000UL;
        return number.ToString("D18", CultureInfo.InvariantCulture);
    }

    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (method, fields, kind) = message.OneTimeCode is { } code
            ? ("verify/lookup", new Dictionary<string, string>
            {
                ["receptor"] = message.Mobile,
                ["token"] = code,
                ["template"] = settings.CodeTemplate,
            }, "code")
            : ("sms/send", new Dictionary<string, string>
            {
                ["receptor"] = message.Mobile,
                ["message"] = message.Text,
                ["localid"] = LocalId(message.IdempotencyKey),
            }, "status message");
        if (message.OneTimeCode is null && settings.Sender.Length > 0)
        {
            fields["sender"] = settings.Sender;
        }

        var answer = await CallAsync(SendClient, method, fields, message.IdempotencyKey, cancellationToken);
        var messageId = answer.Entries.Count > 0 ? answer.Entries[0].MessageId : null;
        logger.KavenegarAccepted(message.IdempotencyKey, kind, messageId);
    }

    public async Task<IReadOnlyDictionary<string, SmsDelivery>> CheckAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken)
    {
        var reports = new Dictionary<string, SmsDelivery>(StringComparer.Ordinal);
        foreach (var chunk in idempotencyKeys.Chunk(MaxReportsPerCall))
        {
            var keysByLocalId = chunk.ToDictionary(LocalId, key => key, StringComparer.Ordinal);
            var answer = await CallAsync(ReportsClient, "sms/statuslocalmessageid",
                new Dictionary<string, string> { ["localid"] = string.Join(',', keysByLocalId.Keys) }, "delivery reports", cancellationToken);
            foreach (var entry in answer.Entries)
            {
                if (entry.LocalId is { } localId && keysByLocalId.TryGetValue(localId, out var key) && KavenegarStatus.Delivery(entry.Status) is var delivery and not SmsDelivery.Unknown)
                {
                    reports[key] = delivery;
                }
            }
        }

        return reports;
    }

    private async Task<KavenegarAnswer> CallAsync(string clientName, string method, Dictionary<string, string> fields, string subject, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = clients.CreateClient(clientName);
        var url = new Uri($"{settings.BaseUrl.AbsoluteUri.TrimEnd('/')}/v1/{Uri.EscapeDataString(settings.ApiKey)}/{method}.json");
        string body;
        int httpStatus;
        try
        {
            using var content = new FormUrlEncodedContent(fields);
            using var response = await client.PostAsync(url, content, cancellationToken);
            httpStatus = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // The network, a timeout, or the resilience pipeline refusing the call (an open circuit): named by the
            // exception's type, whose message might hold the URL and with it the API key.
            var failure = exception is HttpRequestException { HttpRequestError: var error }
                ? "no answer: " + error.ToString()
                : "no answer: " + exception.GetType().Name;
            return Failed(subject, failure, giveUp: false);
        }

        var answer = KavenegarAnswer.TryParse(body);
        var code = answer?.Status ?? httpStatus;
        if (code == KavenegarStatus.Accepted && httpStatus is >= 200 and < 300 && answer is not null)
        {
            health.Succeeded(ServiceName);
            return answer;
        }

        if (answer is null && httpStatus is >= 200 and < 300)
        {
            return Failed(subject, "answer not in Kavenegar's format", giveUp: false);
        }

        var (refusal, meaning) = KavenegarStatus.Explain(code);
        var refusalReason = string.Create(CultureInfo.InvariantCulture, $"Kavenegar {code}: {meaning}");
        switch (refusal)
        {
            case KavenegarRefusal.MessageRefused:
                // The operator answered: it is up, and only this message is at fault.
                health.Succeeded(ServiceName);
                logger.KavenegarRefusedMessage(subject, code, meaning);
                throw new NotificationDeliveryException(refusalReason, giveUp: true);
            case KavenegarRefusal.AccountNeedsAttention:
                health.Failed(ServiceName, refusalReason);
                logger.KavenegarAccountNeedsAttention(subject, code, meaning);
                throw new NotificationDeliveryException(refusalReason, giveUp: false);
            default:
                return Failed(subject, refusalReason, giveUp: false);
        }
    }

    private KavenegarAnswer Failed(string subject, string reason, bool giveUp)
    {
        health.Failed(ServiceName, reason);
        logger.KavenegarCallFailed(subject, reason);
        throw new NotificationDeliveryException(reason, giveUp);
    }

    /// <summary>The parts of an answer we read; <c>null</c> from <see cref="TryParse"/> when the body is not one.</summary>
    private sealed record KavenegarAnswer(int Status, IReadOnlyList<KavenegarEntry> Entries)
    {
        public static KavenegarAnswer? TryParse(string body)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("return", out var result) || result.ValueKind != JsonValueKind.Object
                    || !result.TryGetProperty("status", out var status) || !status.TryGetInt32(out var code))
                {
                    return null;
                }

                var entries = new List<KavenegarEntry>();
                if (root.TryGetProperty("entries", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var entry in list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object))
                    {
                        entries.Add(new KavenegarEntry(
                            Text(entry, "messageid"),
                            Text(entry, "localid"),
                            entry.TryGetProperty("status", out var s) && s.TryGetInt32(out var n) ? n : 0));
                    }
                }

                return new KavenegarAnswer(code, entries);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private static string? Text(JsonElement entry, string name) =>
            entry.TryGetProperty(name, out var value)
                ? value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    _ => null,
                }
                : null;
    }

    private sealed record KavenegarEntry(string? MessageId, string? LocalId, int Status);
}

internal static partial class KavenegarLog
{
    [LoggerMessage(2300, LogLevel.Information, "SMS {IdempotencyKey} ({Kind}) accepted by Kavenegar as message {ProviderMessageId}")]
    public static partial void KavenegarAccepted(this ILogger logger, string idempotencyKey, string kind, string? providerMessageId);

    [LoggerMessage(2301, LogLevel.Warning, "Kavenegar call for {Subject} failed: {Reason}; it is tried again later")]
    public static partial void KavenegarCallFailed(this ILogger logger, string subject, string reason);

    [LoggerMessage(2302, LogLevel.Error, "Kavenegar refused {Subject} with {Code}: {Meaning}. The account or the Sms:Kavenegar settings need an operator (docs/providers/sms-kavenegar.md); messages wait and are retried")]
    public static partial void KavenegarAccountNeedsAttention(this ILogger logger, string subject, int code, string meaning);

    [LoggerMessage(2303, LogLevel.Error, "Kavenegar refused {Subject} for good with {Code}: {Meaning}; it is not sent again")]
    public static partial void KavenegarRefusedMessage(this ILogger logger, string subject, int code, string meaning);
}
