using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.Notifications;

/// <summary>
/// Sends the outbox (docs/decisions/ADR-007). Every poll it reads a batch of due messages and, for each, first
/// claims it with a lease — one conditional UPDATE on the values it read, so that of two dispatchers (threads or
/// servers) only one gets it — then sends it and marks it sent. A failure schedules a retry with exponential
/// back-off, up to <see cref="NotificationOptions.MaxAttempts"/>. A dispatcher that dies mid-send leaves the
/// message leased and unsent; once the lease has expired another sends it again with the same idempotency key,
/// which the provider uses to drop the duplicate. So a message is never lost, and never delivered twice by a
/// provider that honours the key.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IOptions<NotificationOptions> options,
    NotificationProviders providers,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
    : BackgroundService
{
    private const int LastErrorLength = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.DispatcherEnabled)
        {
            logger.DispatcherSwitchedOff();
            return;
        }

        logger.DispatcherStarted(providers.Sms, providers.Email);
        if (!environment.IsDevelopment() && (providers.SmsToLogOnly || providers.EmailToLogOnly))
        {
            logger.NotificationsToLogOnly();
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await DispatchDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // The database may be away for a moment; the next poll tries again.
                logger.DispatchFailed(exception);
            }

            if (handled < settings.BatchSize)
            {
                try
                {
                    await Task.Delay(settings.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>
    /// One pass: claims, sends and records up to a batch of due messages; returns how many it took. Safe to run
    /// on many threads and servers at once.
    /// </summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.Outbox.AsNoTracking()
            .Where(m => m.SentAtUtc == null && m.AbandonedAtUtc == null && m.NextAttemptAtUtc <= now
                && (m.LeasedUntilUtc == null || m.LeasedUntilUtc <= now))
            .OrderBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);

        var handled = 0;
        foreach (var message in candidates)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            if (await TryClaimAsync(db, message, settings, cancellationToken))
            {
                await SendClaimedAsync(db, scope.ServiceProvider, message, settings, cancellationToken);
                handled++;
            }
        }

        return handled;
    }

    /// <summary>
    /// Takes the message if it is still as it was read: unsent, not abandoned, no live lease, and the same number of
    /// attempts. Every claim raises <see cref="OutboxMessage.Attempts"/>, so two dispatchers that read the same row
    /// cannot both claim it (the second UPDATE finds the count changed), and a message that keeps killing its
    /// dispatcher is abandoned like one that keeps failing.
    /// </summary>
    private async Task<bool> TryClaimAsync(AppDbContext db, OutboxMessage message, NotificationOptions settings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var leasedUntil = now + settings.Lease;
        var attemptsRead = message.Attempts;
        var claimed = await db.Outbox
            .Where(m => m.Id == message.Id && m.Attempts == attemptsRead && m.SentAtUtc == null && m.AbandonedAtUtc == null
                && (m.LeasedUntilUtc == null || m.LeasedUntilUtc <= now))
            .ExecuteUpdateAsync(
                update => update
                    .SetProperty(m => m.LeasedUntilUtc, leasedUntil)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1),
                cancellationToken);
        if (claimed == 0)
        {
            return false;
        }

        message.LeasedUntilUtc = leasedUntil;
        message.Attempts = attemptsRead + 1;
        return true;
    }

    private async Task SendClaimedAsync(
        AppDbContext db, IServiceProvider services, OutboxMessage message, NotificationOptions settings, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(settings.SendTimeout, clock);
        using var sendToken = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        var key = IdempotencyKeys.Outbox(message);
        try
        {
            switch (message.Channel)
            {
                case NotificationChannel.Sms:
                    await services.GetRequiredService<ISmsSender>()
                        .SendAsync(new SmsMessage(key, message.Recipient, message.Body), sendToken.Token);
                    break;
                case NotificationChannel.Email:
                    await services.GetRequiredService<IEmailSender>()
                        .SendAsync(new EmailMessage(key, message.Recipient, message.Subject ?? string.Empty, message.Body), sendToken.Token);
                    break;
                default:
                    throw new NotificationDeliveryException("Unknown channel " + message.Channel);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down mid-send: whether the provider got it is unknown, so it is sent again (same key) by
            // whichever dispatcher runs next; releasing the lease lets that happen without waiting for it.
            await ReleaseAsync(db, message);
            throw;
        }
        catch (Exception exception)
        {
            await RecordFailureAsync(db, message, settings, exception);
            return;
        }

        // Sent: recorded whatever happens to the host now, or the message would go out again.
        var sentAt = clock.GetUtcNow().UtcDateTime;
        await db.Outbox
            .Where(m => m.Id == message.Id && m.SentAtUtc == null)
            .ExecuteUpdateAsync(
                update => update
                    .SetProperty(m => m.SentAtUtc, sentAt)
                    .SetProperty(m => m.LeasedUntilUtc, (DateTime?)null)
                    .SetProperty(m => m.LastError, (string?)null),
                CancellationToken.None);
        if (sentAt > message.LeasedUntilUtc)
        {
            logger.SentAfterLease(message.Id);
        }

        logger.Sent(message.Id, message.Channel, message.Attempts);
    }

    private async Task RecordFailureAsync(AppDbContext db, OutboxMessage message, NotificationOptions settings, Exception exception)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var reason = SafeReason(exception);
        var attempts = message.Attempts;
        var mine = db.Outbox.Where(m => m.Id == message.Id && m.Attempts == attempts && m.SentAtUtc == null);
        if (attempts >= settings.MaxAttempts || exception is NotificationDeliveryException { GiveUp: true })
        {
            await mine.ExecuteUpdateAsync(
                update => update
                    .SetProperty(m => m.AbandonedAtUtc, now)
                    .SetProperty(m => m.LeasedUntilUtc, (DateTime?)null)
                    .SetProperty(m => m.LastError, reason),
                CancellationToken.None);
            logger.Abandoned(exception, message.Id, message.Channel, attempts, reason);
            return;
        }

        var nextAttempt = now + settings.RetryDelay(attempts);
        await mine.ExecuteUpdateAsync(
            update => update
                .SetProperty(m => m.NextAttemptAtUtc, nextAttempt)
                .SetProperty(m => m.LeasedUntilUtc, (DateTime?)null)
                .SetProperty(m => m.LastError, reason),
            CancellationToken.None);
        logger.AttemptFailed(exception, message.Id, message.Channel, attempts, reason, nextAttempt);
    }

    private static async Task ReleaseAsync(AppDbContext db, OutboxMessage message)
    {
        var attempts = message.Attempts;
        await db.Outbox
            .Where(m => m.Id == message.Id && m.Attempts == attempts && m.SentAtUtc == null)
            .ExecuteUpdateAsync(update => update.SetProperty(m => m.LeasedUntilUtc, (DateTime?)null), CancellationToken.None);
    }

    /// <summary>What the outbox keeps of a failure: never an exception's message, which may quote a number or address.</summary>
    private static string SafeReason(Exception exception)
    {
        var reason = exception switch
        {
            NotificationDeliveryException delivery => delivery.Message,
            OperationCanceledException => "Send timed out",
            _ => exception.GetType().Name,
        };
        return reason.Length <= LastErrorLength ? reason : reason[..LastErrorLength];
    }
}
