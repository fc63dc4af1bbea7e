using System.Text.RegularExpressions;
using CertificateInquiry.Web.Domain;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.Notifications;

/// <summary>One message as a development sender received it.</summary>
public sealed record DevelopmentMessage(
    NotificationChannel Channel, string IdempotencyKey, string Recipient, string? Subject, string Text, DateTime AtUtc);

/// <summary>
/// The last messages sent while no real provider is configured (<c>Sms:Provider</c> or <c>Email:Provider</c> is
/// <c>Log</c>), for <c>/dev/messages</c> and for tests, which read one-time codes from it. In memory only: each
/// server (and each test host) has its own. Like a real provider it honours idempotency keys: a message whose
/// key it still holds is dropped.
/// </summary>
public sealed partial class DevelopmentMessageLog(IOptions<NotificationOptions> options)
{
    private readonly int capacity = Math.Max(1, options.Value.DevelopmentMessagesKept);
    private readonly LinkedList<DevelopmentMessage> messages = new();
    private readonly Dictionary<string, LinkedListNode<DevelopmentMessage>> byKey = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>Keeps the message; false (and nothing kept) when one with the same key is already there.</summary>
    public bool Add(DevelopmentMessage message)
    {
        lock (gate)
        {
            if (byKey.ContainsKey(message.IdempotencyKey))
            {
                return false;
            }

            byKey[message.IdempotencyKey] = messages.AddLast(message);
            if (messages.Count > capacity)
            {
                byKey.Remove(messages.First!.Value.IdempotencyKey);
                messages.RemoveFirst();
            }

            return true;
        }
    }

    /// <summary>The kept messages, newest first.</summary>
    public IReadOnlyList<DevelopmentMessage> Messages()
    {
        lock (gate)
        {
            return messages.Reverse().ToList();
        }
    }

    /// <summary>The newest SMS to <paramref name="mobile"/>, if any.</summary>
    public DevelopmentMessage? LastSmsTo(string mobile) =>
        Messages().FirstOrDefault(m => m.Channel == NotificationChannel.Sms && m.Recipient == mobile);

    /// <summary>The newest email to <paramref name="address"/>, if any.</summary>
    public DevelopmentMessage? LastEmailTo(string address) =>
        Messages().FirstOrDefault(m => m.Channel == NotificationChannel.Email
            && string.Equals(m.Recipient, address, StringComparison.OrdinalIgnoreCase));

    /// <summary>The one-time code in the newest phone-verification SMS to <paramref name="mobile"/>, if any.</summary>
    public string? LastCodeSentTo(string mobile)
    {
        var message = Messages().FirstOrDefault(m => m.Channel == NotificationChannel.Sms && m.Recipient == mobile
            && IdempotencyKeys.IsPhoneVerification(m.IdempotencyKey));
        return message is null ? null : SixDigits().Match(message.Text) is { Success: true } match ? match.Value : null;
    }

    public void Clear()
    {
        lock (gate)
        {
            messages.Clear();
            byKey.Clear();
        }
    }

    [GeneratedRegex("(?<![0-9])[0-9]{6}(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex SixDigits();
}
