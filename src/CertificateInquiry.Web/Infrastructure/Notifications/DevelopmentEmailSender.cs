using CertificateInquiry.Web.Domain;

namespace CertificateInquiry.Web.Infrastructure.Notifications;

/// <summary>The email counterpart of <see cref="DevelopmentSmsSender"/> (<c>Email:Provider</c> = <c>Log</c>).</summary>
public sealed class DevelopmentEmailSender(DevelopmentMessageLog log, TimeProvider clock, ILogger<DevelopmentEmailSender> logger) : IEmailSender
{
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var kept = log.Add(new DevelopmentMessage(
            NotificationChannel.Email, message.IdempotencyKey, message.To, message.Subject, message.Body, clock.GetUtcNow().UtcDateTime));
        if (!kept)
        {
            logger.LogInformation("Email {IdempotencyKey} to {Address} was already sent; the repeat is dropped", message.IdempotencyKey, Redaction.Email(message.To));
            return Task.CompletedTask;
        }

        logger.LogInformation("Email {IdempotencyKey} to {Address} written to the development message log", message.IdempotencyKey, Redaction.Email(message.To));
        logger.LogDebug("Email {IdempotencyKey}: {Subject}\n{Body}", message.IdempotencyKey, message.Subject, message.Body);
        return Task.CompletedTask;
    }
}
