using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.Notifications;

/// <summary>
/// Asks the SMS operator what became of the text messages the outbox sent in the last day and records it on each row
/// (the case page and /admin/messages show it). One server at a time asks (a job lease, ADR-038), and it would be safe on many at once: each check only overwrites a row's
/// report with a newer one, and a row is asked about at most once per <see cref="NotificationOptions.DeliveryCheckInterval"/>.
/// </summary>
public sealed class SmsDeliveryTracker(
    IServiceScopeFactory scopes,
    IOptions<NotificationOptions> options,
    JobLeases leases,
    TimeProvider clock,
    ILogger<SmsDeliveryTracker> logger)
    : LeasedPeriodicWork(leases, clock, logger)
{
    public override string JobName => "sms-delivery-check";

    /// <summary>Operators keep reports for a while; a message still pending after a day is not going to be delivered.</summary>
    public static readonly TimeSpan TrackedFor = TimeSpan.FromDays(1);

    /// <summary>Rows asked about per pass.</summary>
    public const int BatchSize = 500;

    protected override TimeSpan? Interval =>
        options.Value is { DispatcherEnabled: true, DeliveryCheckInterval: var interval } && interval > TimeSpan.Zero ? interval : null;

    protected override Task RunLeasedPassAsync(CancellationToken stoppingToken) => CheckOnceAsync(stoppingToken);

    protected override void PassFailed(Exception exception) => logger.DeliveryCheckFailed(exception);

    /// <summary>One pass over the messages due for a check; returns how many the operator reported on.</summary>
    public async Task<int> CheckOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var reports = scope.ServiceProvider.GetService<ISmsDeliveryReports>();
        if (reports is null)
        {
            return 0;
        }

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var sentSince = now - TrackedFor;
        var checkedBefore = now - options.Value.DeliveryCheckInterval;
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.Channel == NotificationChannel.Sms && m.SentAtUtc != null && m.SentAtUtc >= sentSince
                && (m.Delivery == SmsDelivery.Unknown || m.Delivery == SmsDelivery.Pending)
                && (m.DeliveryCheckedAtUtc == null || m.DeliveryCheckedAtUtc <= checkedBefore))
            .OrderBy(m => m.SentAtUtc)
            .Take(BatchSize)
            .Select(m => new { m.Id, m.CreatedAtUtc })
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var keys = due.ToDictionary(m => IdempotencyKeys.Outbox(m.Id, m.CreatedAtUtc), m => m.Id, StringComparer.Ordinal);
        var answer = await reports.CheckAsync(keys.Keys, cancellationToken);
        var checkedAt = Clock.GetUtcNow().UtcDateTime;
        foreach (var group in keys.GroupBy(k => answer.TryGetValue(k.Key, out var delivery) ? delivery : SmsDelivery.Unknown))
        {
            var ids = group.Select(k => k.Value).ToList();
            var delivery = group.Key;
            var stillOpen = db.Outbox.Where(m => ids.Contains(m.Id) && (m.Delivery == SmsDelivery.Unknown || m.Delivery == SmsDelivery.Pending));
            await (delivery == SmsDelivery.Unknown
                ? stillOpen.ExecuteUpdateAsync(update => update.SetProperty(m => m.DeliveryCheckedAtUtc, checkedAt), CancellationToken.None)
                : stillOpen.ExecuteUpdateAsync(
                    update => update.SetProperty(m => m.Delivery, delivery).SetProperty(m => m.DeliveryCheckedAtUtc, checkedAt),
                    CancellationToken.None));
        }

        var delivered = answer.Count(a => a.Value == SmsDelivery.Delivered);
        var failed = answer.Count(a => a.Value == SmsDelivery.Failed);
        logger.DeliveryChecked(keys.Count, answer.Count, delivered, failed);
        return answer.Count;
    }
}

internal static partial class SmsDeliveryLog
{
    [LoggerMessage(2320, LogLevel.Information, "SMS delivery checked for {Asked} messages: {Reported} reported, {Delivered} delivered, {Failed} not delivered")]
    public static partial void DeliveryChecked(this ILogger logger, int asked, int reported, int delivered, int failed);

    [LoggerMessage(2321, LogLevel.Warning, "SMS delivery reports could not be fetched; trying again after the interval")]
    public static partial void DeliveryCheckFailed(this ILogger logger, Exception exception);
}
