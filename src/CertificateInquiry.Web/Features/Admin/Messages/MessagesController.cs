using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Notifications;
using CertificateInquiry.Web.Infrastructure.OutsideServices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Admin.Messages;

/// <summary>
/// /admin/messages, for national admins: the SMS operator and email in use, whether each outside service answered on
/// its last call, the last day's text messages by delivery state, and the messages that did not reach their applicant
/// (given up on, or reported undelivered by the operator) with their request, newest first.
/// </summary>
[Route("admin/messages")]
public sealed class MessagesController(AppDbContext db, NotificationProviders providers, IServiceProvider services, TimeProvider clock) : AdminController
{
    /// <summary>The problem list shows this many, newest first; older ones are in the outbox table and the log.</summary>
    public const int ProblemsShown = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-1);
        var lastDay = await db.Outbox.AsNoTracking()
            .Where(m => m.Channel == NotificationChannel.Sms && m.CreatedAtUtc >= since)
            .GroupBy(m => new { Sent = m.SentAtUtc != null, Abandoned = m.AbandonedAtUtc != null, m.Delivery })
            .Select(g => new { g.Key.Sent, g.Key.Abandoned, g.Key.Delivery, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var problemsSince = now.AddDays(-30);
        var problems = await db.Outbox.AsNoTracking()
            .Where(m => m.CreatedAtUtc >= problemsSince && (m.AbandonedAtUtc != null || m.Delivery == SmsDelivery.Failed))
            .OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.Id)
            .Take(ProblemsShown)
            .Select(m => new MessageProblem(m.Id, m.Channel, m.Recipient, m.RequestId, m.CreatedAtUtc, m.AbandonedAtUtc, m.LastError, m.Delivery))
            .ToListAsync(cancellationToken);
        var health = services.GetService<OutsideServiceHealth>();

        return View(new MessagesPage(
            providers,
            health?.Snapshot().OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new ServiceLine(s.Key, s.Value, health.IsFailing(s.Value))).ToList() ?? [],
            new SmsDay(
                Queued: lastDay.Where(g => !g.Sent && !g.Abandoned).Sum(g => g.Count),
                Sent: lastDay.Where(g => g.Sent && g.Delivery is SmsDelivery.Unknown or SmsDelivery.Pending).Sum(g => g.Count),
                Delivered: lastDay.Where(g => g.Sent && g.Delivery == SmsDelivery.Delivered).Sum(g => g.Count),
                NotDelivered: lastDay.Where(g => g.Sent && g.Delivery == SmsDelivery.Failed).Sum(g => g.Count),
                GivenUp: lastDay.Where(g => g.Abandoned).Sum(g => g.Count)),
            problems));
    }
}

public sealed record MessagesPage(NotificationProviders Providers, IReadOnlyList<ServiceLine> Services, SmsDay LastDay, IReadOnlyList<MessageProblem> Problems);

/// <summary>An outside service and its last call.</summary>
public sealed record ServiceLine(string Name, OutsideServiceHealth.ServiceState State, bool IsFailing);

/// <summary>The last 24 hours of text messages by state.</summary>
public sealed record SmsDay(int Queued, int Sent, int Delivered, int NotDelivered, int GivenUp);

/// <summary>A message that did not reach its applicant.</summary>
public sealed record MessageProblem(long Id, NotificationChannel Channel, string Recipient, long? RequestId, DateTime CreatedAtUtc, DateTime? AbandonedAtUtc, string? LastError, SmsDelivery Delivery)
{
    public string StateTitle => AbandonedAtUtc is not null ? "فرستاده نشد" : "به گوشی نرسید";
}
