namespace CertificateInquiry.Web.Infrastructure.Notifications;

/// <summary>
/// A text message to one mobile. <paramref name="IdempotencyKey"/> is the same on every attempt to send this
/// message (the outbox row, or the phone verification and its send number), so a provider can drop a repeat.
/// </summary>
public sealed record SmsMessage(string IdempotencyKey, string Mobile, string Text);

/// <summary>A plain-text email to one address; <paramref name="IdempotencyKey"/> as for <see cref="SmsMessage"/>.</summary>
public sealed record EmailMessage(string IdempotencyKey, string To, string Subject, string Body);

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

/// <summary>Sends email; the same contract as <see cref="ISmsSender"/> (SMTP carries the key in the Message-ID).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>A send that failed, with a short <see cref="Exception.Message"/> that holds no address, number or text.</summary>
public sealed class NotificationDeliveryException : Exception
{
    public NotificationDeliveryException(string reason)
        : base(reason)
    {
    }

    public NotificationDeliveryException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }

    public NotificationDeliveryException()
        : base("The message was not delivered.")
    {
    }
}
