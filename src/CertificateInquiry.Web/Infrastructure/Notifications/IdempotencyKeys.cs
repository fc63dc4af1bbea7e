using System.Globalization;
using CertificateInquiry.Web.Domain;

namespace CertificateInquiry.Web.Infrastructure.Notifications;

/// <summary>
/// The keys that let a provider recognise a repeated send. Each names its row and an instant of that row, so
/// that two databases (staging and production sharing a provider account) never produce the same key.
/// </summary>
public static class IdempotencyKeys
{
    private const string PhoneVerificationPrefix = "phone-verification-";

    /// <summary>Every attempt to send one outbox message carries this key.</summary>
    public static string Outbox(OutboxMessage message) => Outbox(message.Id, message.CreatedAtUtc);

    public static string Outbox(long messageId, DateTime createdAtUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"outbox-{messageId}-{createdAtUtc.Ticks}");

    /// <summary>One send of a one-time code: a resend is a new code, so a new message with a new key.</summary>
    public static string PhoneVerification(long verificationId, int sendNumber, DateTime sentAtUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"{PhoneVerificationPrefix}{verificationId}-{sendNumber}-{sentAtUtc.Ticks}");

    public static bool IsPhoneVerification(string key) => key.StartsWith(PhoneVerificationPrefix, StringComparison.Ordinal);
}
