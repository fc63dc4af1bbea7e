namespace CertificateInquiry.Web.Infrastructure.Notifications;

/// <summary>
/// A text message to one mobile. <paramref name="IdempotencyKey"/> is the same on every attempt to send this
/// message (the outbox row, or the phone verification and its send number), so a provider can drop a repeat.
/// <paramref name="OneTimeCode"/> is set when the message carries a one-time code: operators send those through
/// their own approved templates (Kavenegar's verify/lookup), with only the code from us, and
/// <paramref name="Text"/> is then what a sender without templates shows.
/// </summary>
public sealed record SmsMessage(string IdempotencyKey, string Mobile, string Text, string? OneTimeCode = null);

/// <summary>
/// Sends text messages through a provider.
/// <para>
/// The outbox retries a message whose send may or may not have reached the provider (a crash mid-send, a
/// timeout), always with the same <see cref="SmsMessage.IdempotencyKey"/>. A provider must honour the key: pass
/// it to the provider's own deduplication (client message id, UID) so that the person gets the message once.
/// </para>
/// <para>
/// Throw when the provider did not take the message; throw <see cref="NotificationDeliveryException"/> with a
/// reason free of personal data, which is what the outbox records. Return only once the provider has it.
/// </para>
/// </summary>
public interface ISmsSender
{
    Task SendAsync(SmsMessage message, CancellationToken cancellationToken);
}
