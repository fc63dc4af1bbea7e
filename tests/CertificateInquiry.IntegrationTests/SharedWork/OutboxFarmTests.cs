using CertificateInquiry.IntegrationTests.Notifications;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.SharedWork;

/// <summary>The outbox with three servers' dispatchers on one database (ADR-007, ADR-038).</summary>
public abstract class OutboxFarmTests(ServerFarm farm)
{
    [SkippableFact]
    public async Task Three_servers_dispatching_one_outbox_send_each_message_exactly_once()
    {
        // Slow sends and small batches, so that every dispatcher meets messages the others are sending; a lease longer
        // than the test, so that only the claim keeps them apart (an expired lease is the at-least-once case).
        var sender = new RecordingSmsSender(TimeSpan.FromMilliseconds(30));
        var settings = new Dictionary<string, string?> { ["Notifications:BatchSize"] = "4", ["Notifications:Lease"] = "00:05:00", ["Retention:Enabled"] = "false" };
        void Sender(IServiceCollection services) => services.AddSingleton<ISmsSender>(sender);
        using var a = farm.First(settings, Sender);
        using var b = farm.Another(a, settings, Sender);
        using var c = farm.Another(a, settings, Sender);
        _ = (b.Services, c.Services);

        var ids = await a.WithDatabaseAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var messages = Enumerable.Range(0, 60).Select(i => new OutboxMessage
            {
                Channel = NotificationChannel.Sms, Recipient = "09120000000", Body = "پیام " + i, CreatedAtUtc = now, NextAttemptAtUtc = now,
            }).ToList();
            db.Outbox.AddRange(messages);
            await db.SaveChangesAsync();
            return messages.Select(m => m.Id).ToList();
        });

        var rows = await Poll.UntilAsync(
            () => a.WithDatabaseAsync(db => db.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync()),
            all => all.All(m => m.SentAtUtc is not null),
            "every message sent");
        await Task.Delay(300); // a few more polls: nothing goes out again

        var calls = sender.Calls;
        Assert.Equal(60, calls.Count);
        Assert.Equal(rows.Select(IdempotencyKeys.Outbox).Order(StringComparer.Ordinal), calls.Select(call => call.IdempotencyKey).Order(StringComparer.Ordinal));
        Assert.All(rows, row => Assert.Equal(1, row.Attempts));
        Assert.True(new[] { a, b, c }.Count(server => server.LogsContain("sent on attempt")) >= 2, "the servers' dispatchers overlapped");
    }
}
