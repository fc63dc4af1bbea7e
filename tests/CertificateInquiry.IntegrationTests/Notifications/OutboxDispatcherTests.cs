using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Notifications;

public class OutboxDispatcherTests
{
    protected virtual bool OnPostgreSql => false;

    private NotificationPortal NewPortal(
        IReadOnlyDictionary<string, string?>? settings = null,
        ISmsSender? smsSender = null,
        PortalFactory? sameDatabaseAs = null,
        bool keepFolder = false,
        Action<IServiceCollection>? services = null) =>
        new(settings, smsSender, sameDatabaseAs, keepFolder, services, OnPostgreSql);

    [SkippableFact]
    public async Task A_submitted_request_is_sent_by_sms_and_email_and_marked_sent()
    {
        using var portal = NewPortal();
        var request = await portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var submitted = await TestRequests.CreateSubmittedAsync(db, "09121234567", "maryam@example.org");
            services.GetRequiredService<Notifier>().RequestSubmitted(submitted, new DateOnly(2026, 12, 18));
            await db.SaveChangesAsync();
            return submitted;
        });

        var sms = await portal.WaitForMessageAsync(m => m.Channel == NotificationChannel.Sms && m.Recipient == "09121234567");
        var email = await portal.WaitForMessageAsync(m => m.Channel == NotificationChannel.Email && m.Recipient == "maryam@example.org");
        Assert.Contains(request.TrackingCode!, sms.Text, StringComparison.Ordinal);
        Assert.Contains("ثبت‌شده، در انتظار بررسی", sms.Text, StringComparison.Ordinal);
        Assert.Contains("https://portal.test/requests/track", sms.Text, StringComparison.Ordinal);
        Assert.Contains(request.TrackingCode!, email.Subject!, StringComparison.Ordinal);
        Assert.Contains(request.TrackingCode!, email.Text, StringComparison.Ordinal);
        Assert.All([sms.Text, email.Text, email.Subject!], text =>
        {
            Assert.DoesNotContain(TestRequests.NationalCode, text, StringComparison.Ordinal);
            Assert.DoesNotContain("احمدی", text, StringComparison.Ordinal);
        });

        var rows = await Poll.UntilAsync(
            async () => await portal.OutboxAsync() is { Count: 2 } all && all.All(m => m.SentAtUtc is not null) ? all : null,
            "both messages marked sent");
        Assert.All(rows, row =>
        {
            Assert.Equal(1, row.Attempts);
            Assert.Null(row.LeasedUntilUtc);
            Assert.Null(row.LastError);
            Assert.Equal(request.Id, row.RequestId);
        });
        Assert.Equal(IdempotencyKeys.Outbox(rows.Single(r => r.Channel == NotificationChannel.Sms)), sms.IdempotencyKey);
    }

    [SkippableFact]
    public async Task Messages_exist_only_when_the_change_they_report_is_saved()
    {
        using var portal = NewPortal(new Dictionary<string, string?> { ["Notifications:DispatcherEnabled"] = "false" });
        await portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var request = await TestRequests.CreateSubmittedAsync(db);
            var transition = request.MoveTo(RequestStatus.UnderReview, "staff-1", "کارشناس", DateTime.UtcNow, null);
            var added = services.GetRequiredService<Notifier>().StatusChanged(request, transition);
            Assert.Single(added); // no email address: the SMS alone
            Assert.Contains("در حال بررسی", added[0].Body, StringComparison.Ordinal);
            Assert.Empty(await portal.OutboxAsync()); // not saved by the notifier

            db.ChangeTracker.Clear(); // the caller's save never happens (a failed transaction): no message either
            return 0;
        });

        Assert.Empty(await portal.OutboxAsync());
    }

    [SkippableFact]
    public async Task A_failing_send_is_retried_with_back_off_and_abandoned_after_the_last_attempt()
    {
        var sender = new FailingSmsSender();
        using var portal = NewPortal(new Dictionary<string, string?> { ["Notifications:MaxAttempts"] = "3" }, sender);
        var id = (await portal.AddSmsAsync(1, "09351112233")).Single();

        var row = await Poll.UntilAsync(
            async () => await portal.OutboxMessageAsync(id) is { AbandonedAtUtc: not null } abandoned ? abandoned : null,
            "the message abandoned");

        Assert.Equal(3, row.Attempts);
        Assert.Null(row.SentAtUtc);
        Assert.Null(row.LeasedUntilUtc);
        Assert.Equal(FailingSmsSender.Reason, row.LastError);
        var calls = sender.Calls;
        Assert.Equal(3, calls.Count);
        Assert.Single(calls.Select(c => c.IdempotencyKey).Distinct());

        // Back-off: 100 ms after the first failure, 200 ms after the second (RetryBaseDelay doubled).
        Assert.True(calls[1].Since(calls[0]) >= TimeSpan.FromMilliseconds(95), $"second attempt after {calls[1].Since(calls[0])}");
        Assert.True(calls[2].Since(calls[1]) >= TimeSpan.FromMilliseconds(195), $"third attempt after {calls[2].Since(calls[1])}");

        await Task.Delay(300); // a few more polls: an abandoned message is never tried again
        Assert.Equal(3, sender.Calls.Count);
    }

    [SkippableFact]
    public async Task A_message_that_fails_twice_is_sent_on_the_third_attempt_with_the_same_key()
    {
        var sender = new FailingSmsSender(failures: 2);
        using var portal = NewPortal(smsSender: sender);
        var id = (await portal.AddSmsAsync(1)).Single();

        var row = await Poll.UntilAsync(
            async () => await portal.OutboxMessageAsync(id) is { SentAtUtc: not null } sent ? sent : null, "the message sent");

        Assert.Equal(3, row.Attempts);
        Assert.Null(row.AbandonedAtUtc);
        Assert.Null(row.LastError);
        Assert.Equal([IdempotencyKeys.Outbox(row)], sender.Calls.Select(c => c.IdempotencyKey).Distinct());
    }

    [SkippableFact]
    public async Task Concurrent_dispatch_passes_never_send_the_same_message_twice()
    {
        // Sends long enough that every dispatcher reaches a message while another is still sending it.
        var sender = new RecordingSmsSender(TimeSpan.FromMilliseconds(200));
        using var portal = NewPortal(
            new Dictionary<string, string?>
            {
                ["Notifications:DispatcherEnabled"] = "false",
                ["Notifications:BatchSize"] = "16",

                // A lease longer than any pass: only the claim may keep a second dispatcher off a message. With the
                // fast one-second lease, a loaded machine let a lease run out mid-batch and the message was rightly
                // sent again (at-least-once), which is another test's subject.
                ["Notifications:Lease"] = "00:01:00",

                // Likewise a send timeout no 200 ms send can reach: with the fast half second, a loaded machine timed a
                // send out after the sender had recorded it, and the retry rightly sent it again.
                ["Notifications:SendTimeout"] = "00:00:10",
            },
            sender);
        var ids = await portal.AddSmsAsync(16);
        var dispatcher = portal.Services.GetRequiredService<OutboxDispatcher>();

        // Four dispatchers at once over the same rows, each reading batches that overlap the others'.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (await dispatcher.DispatchDueAsync(CancellationToken.None) > 0)
            {
            }
        })));

        var rows = await portal.OutboxAsync();
        Assert.All(rows, row => Assert.NotNull(row.SentAtUtc));
        Assert.Equal(ids.Count, sender.Calls.Count);
        Assert.Equal(rows.Select(IdempotencyKeys.Outbox).Order(), sender.Calls.Select(c => c.IdempotencyKey).Order());
    }

    [SkippableFact]
    public async Task Two_servers_on_one_database_never_send_the_same_message_twice()
    {
        var sender = new RecordingSmsSender(TimeSpan.FromMilliseconds(100));
        var settings = new Dictionary<string, string?> { ["Notifications:BatchSize"] = "4", ["Notifications:Lease"] = "00:01:00" };
        using var first = NewPortal(settings, sender);
        var ids = await first.AddSmsAsync(0); // creates the database before the second server starts
        using var second = NewPortal(settings, sender, sameDatabaseAs: first);
        _ = second.Services; // started: both dispatchers now poll the same table
        ids = await first.AddSmsAsync(24);

        await Poll.UntilAsync(async () => (await first.OutboxAsync()).All(m => m.SentAtUtc is not null), "every message sent");
        await Task.Delay(100); // let any straggler finish: a double send would show up now

        var keys = sender.Calls.Select(c => c.IdempotencyKey).ToList();
        Assert.Equal(ids.Count, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(await first.OutboxAsync(), row => Assert.Equal(1, row.Attempts));
    }

    [SkippableFact]
    public async Task A_dispatcher_killed_mid_send_loses_nothing_and_the_next_one_sends_it_once_with_the_same_key()
    {
        // Server A claims the message and hangs inside the provider call; then it dies.
        var hanging = new BlockingSmsSender();
        var a = NewPortal(smsSender: hanging, keepFolder: true);
        long id;
        OutboxMessage whileHanging;
        try
        {
            id = (await a.AddSmsAsync(1, "09131234567")).Single();
            var inFlight = await hanging.Entered.WaitAsync(Poll.DefaultTimeout);
            whileHanging = await a.OutboxMessageAsync(id);
            Assert.Equal(IdempotencyKeys.Outbox(whileHanging), inFlight.IdempotencyKey);
        }
        finally
        {
            a.Dispose(); // the host stops; its dispatcher never comes back from the send
        }

        try
        {
            Assert.Null(whileHanging.SentAtUtc);
            Assert.Equal(1, whileHanging.Attempts);
            Assert.NotNull(whileHanging.LeasedUntilUtc);

            // A's death left it unsent, not marked sent (read straight from the database: no dispatcher is running now).
            await using (var db = a.OpenDatabase())
            {
                Assert.Null(await db.Outbox.AsNoTracking().Where(m => m.Id == id).Select(m => m.SentAtUtc).SingleAsync());
            }

            // Server B starts on the same database: it waits for A's lease to expire, then sends the message once.
            var sender = new RecordingSmsSender();
            using var b = NewPortal(smsSender: sender, sameDatabaseAs: a);

            var sent = await Poll.UntilAsync(
                async () => await b.OutboxMessageAsync(id) is { SentAtUtc: not null } row ? row : null, "the message sent by B");
            Assert.True(sent.SentAtUtc >= whileHanging.LeasedUntilUtc, "B took the message over only after A's lease expired");
            Assert.Equal(2, sent.Attempts);

            await Task.Delay(200); // several more polls of B
            var call = Assert.Single(sender.Calls);
            Assert.Equal(IdempotencyKeys.Outbox(whileHanging), call.IdempotencyKey);
            Assert.Equal("09131234567", call.Mobile);
        }
        finally
        {
            Directory.Delete(a.Folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task A_dispatcher_stopped_mid_send_releases_the_message_to_the_next_one_at_once()
    {
        // A long lease: only the release on shutdown lets B send before it runs out.
        var settings = new Dictionary<string, string?> { ["Notifications:Lease"] = "00:10:00", ["Notifications:SendTimeout"] = "00:05:00" };
        var stopping = new BlockingSmsSender(honourCancellation: true);
        var a = NewPortal(settings, stopping, keepFolder: true);
        long id;
        try
        {
            id = (await a.AddSmsAsync(1)).Single();
            await stopping.Entered.WaitAsync(Poll.DefaultTimeout);
        }
        finally
        {
            a.Dispose();
        }

        try
        {
            var sender = new RecordingSmsSender();
            using var b = NewPortal(settings, sender, sameDatabaseAs: a);
            var sent = await Poll.UntilAsync(
                async () => await b.OutboxMessageAsync(id) is { SentAtUtc: not null } row ? row : null, "the message sent by B");
            Assert.Equal(2, sent.Attempts);
            Assert.Equal(IdempotencyKeys.Outbox(sent), Assert.Single(sender.Calls).IdempotencyKey);
        }
        finally
        {
            Directory.Delete(a.Folder, recursive: true);
        }
    }

    public sealed class PostgreSql : OutboxDispatcherTests
    {
        public PostgreSql() => PostgreSqlVariant.SkipUnlessConfigured();

        protected override bool OnPostgreSql => true;
    }
}
