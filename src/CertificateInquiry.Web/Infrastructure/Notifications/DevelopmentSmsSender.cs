using CertificateInquiry.Web.Domain;

namespace CertificateInquiry.Web.Infrastructure.Notifications;

/// <summary>
/// The SMS "provider" while none is configured (<c>Sms:Provider</c> = <c>Log</c>): the message goes to the log and
/// to <see cref="DevelopmentMessageLog"/> (<c>/dev/messages</c>). The recipient is masked at Information level and
/// the text, which may be a one-time code, is logged only at Debug. Its delivery reports say "delivered" for what the
/// message log holds, so that the case page's delivery column can be watched on a development machine.
/// </summary>
public sealed class DevelopmentSmsSender(DevelopmentMessageLog log, TimeProvider clock, ILogger<DevelopmentSmsSender> logger) : ISmsSender, ISmsDeliveryReports
{
    public Task<IReadOnlyDictionary<string, SmsDelivery>> CheckAsync(IReadOnlyCollection<string> idempotencyKeys, CancellationToken cancellationToken)
    {
        var logged = log.Messages().Select(m => m.IdempotencyKey).ToHashSet(StringComparer.Ordinal);
        IReadOnlyDictionary<string, SmsDelivery> reports = idempotencyKeys.Where(logged.Contains).ToDictionary(key => key, _ => SmsDelivery.Delivered, StringComparer.Ordinal);
        return Task.FromResult(reports);
    }

    public Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var kept = log.Add(new DevelopmentMessage(
            NotificationChannel.Sms, message.IdempotencyKey, message.Mobile, null, message.Text, clock.GetUtcNow().UtcDateTime));
        if (!kept)
        {
            logger.LogInformation("SMS {IdempotencyKey} to {Mobile} was already sent; the repeat is dropped", message.IdempotencyKey, Redaction.MobileForLog(message.Mobile));
            return Task.CompletedTask;
        }

        logger.LogInformation("SMS {IdempotencyKey} to {Mobile} ({Length} characters) written to the development message log",
            message.IdempotencyKey, Redaction.MobileForLog(message.Mobile), message.Text.Length);
        logger.LogDebug("SMS {IdempotencyKey} text: {Text}", message.IdempotencyKey, message.Text);
        return Task.CompletedTask;
    }
}
