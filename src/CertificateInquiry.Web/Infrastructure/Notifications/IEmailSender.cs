namespace CertificateInquiry.Web.Infrastructure.Notifications;

/// <summary>A plain-text email to one address; <paramref name="IdempotencyKey"/> as for <see cref="SmsMessage"/>.</summary>
public sealed record EmailMessage(string IdempotencyKey, string To, string Subject, string Body);

/// <summary>Sends email; the same contract as <see cref="ISmsSender"/> (SMTP carries the key in the Message-ID).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
