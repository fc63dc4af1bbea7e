using System.Collections.Concurrent;
using System.Diagnostics;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CertificateInquiry.IntegrationTests.Notifications;

/// <summary>
/// A portal for outbox tests: its own settings and SMS sender, optionally on another portal's database (a second
/// server), optionally keeping its folder when disposed (a later portal reads what it left).
/// </summary>
public sealed class NotificationPortal(
    IReadOnlyDictionary<string, string?>? settings = null,
    ISmsSender? smsSender = null,
    PortalFactory? sameDatabaseAs = null,
    bool keepFolder = false,
    Action<IServiceCollection>? services = null,
    bool onPostgreSql = false) : PortalFactory
{
    protected internal override bool OnPostgreSql => onPostgreSql;

    /// <summary>Fast polls, short leases and back-off, so that tests take moments.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Fast = new Dictionary<string, string?>
    {
        ["Notifications:PollInterval"] = "00:00:00.020",
        ["Notifications:Lease"] = "00:00:01",
        ["Notifications:SendTimeout"] = "00:00:00.500",
        ["Notifications:RetryBaseDelay"] = "00:00:00.100",
        ["Notifications:RetryMaxDelay"] = "00:00:01",
        ["Portal:PublicAddress"] = "https://portal.test",
    };

    protected override bool DeleteFolderOnDispose => !keepFolder;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings
    {
        get
        {
            var all = new Dictionary<string, string?>(Fast);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                all[key] = value;
            }

            if (sameDatabaseAs is not null)
            {
                all["ConnectionStrings:Default"] = sameDatabaseAs.ConnectionString;
            }

            return all;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(collection =>
        {
            // A killed dispatcher never returns from its send: stopping the host must not wait long for it.
            collection.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(1));
            if (smsSender is not null)
            {
                collection.AddSingleton<ISmsSender>(smsSender);
            }

            services?.Invoke(collection);
        });
    }

    public Task<List<OutboxMessage>> OutboxAsync() =>
        WithDatabaseAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    public Task<OutboxMessage> OutboxMessageAsync(long id) =>
        WithDatabaseAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id));

    /// <summary>Puts SMS rows straight into the outbox, as <see cref="Notifier"/> would, and returns their ids.</summary>
    public Task<List<long>> AddSmsAsync(int count, string mobile = "09120000000") =>
        WithDatabaseAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var messages = Enumerable.Range(0, count)
                .Select(i => new OutboxMessage
                {
                    Channel = NotificationChannel.Sms,
                    Recipient = mobile,
                    Body = "پیام آزمایشی " + i,
                    CreatedAtUtc = now,
                    NextAttemptAtUtc = now,
                })
                .ToList();
            db.Outbox.AddRange(messages);
            await db.SaveChangesAsync();
            return messages.Select(m => m.Id).ToList();
        });
}

/// <summary>Saved requests for the tests.</summary>
public static class TestRequests
{
    public const string NationalCode = "0076543218";

    /// <summary>A draft with a mobile (and an email if given), saved.</summary>
    public static Task<InquiryRequest> CreateDraftAsync(AppDbContext db, string mobile = "09121234567", string? email = null) =>
        SaveAsync(db, NewDraft(mobile, email));

    /// <summary>A request paid and submitted, with its tracking code, saved.</summary>
    public static async Task<InquiryRequest> CreateSubmittedAsync(AppDbContext db, string mobile = "09121234567", string? email = null)
    {
        var request = await CreateDraftAsync(db, mobile, email);
        request.Submit(TrackingCode.New(), DateTime.UtcNow, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14)));
        await db.SaveChangesAsync();
        return request;
    }

    private static InquiryRequest NewDraft(string mobile, string? email) => new()
    {
        AccessKey = Guid.NewGuid().ToString("N"),
        NationalCode = NationalCode,
        FirstName = "مریم",
        LastName = "احمدی",
        Mobile = mobile,
        Email = email,
        RequesterKind = RequesterKind.Holder,
        ExamYear = 1385,
        CreatedAtUtc = DateTime.UtcNow,
        UpdatedAtUtc = DateTime.UtcNow,
    };

    private static async Task<InquiryRequest> SaveAsync(AppDbContext db, InquiryRequest request)
    {
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        return request;
    }
}

/// <summary>One call a test sender received.</summary>
public sealed record SendCall(string IdempotencyKey, string Mobile, string Text, long AtTimestamp)
{
    public TimeSpan Since(SendCall earlier) => Stopwatch.GetElapsedTime(earlier.AtTimestamp, AtTimestamp);
}

/// <summary>Records every call; optionally takes a moment per send, so that concurrent dispatchers overlap.</summary>
public sealed class RecordingSmsSender(TimeSpan? delay = null) : ISmsSender
{
    private readonly ConcurrentQueue<SendCall> calls = new();

    public IReadOnlyList<SendCall> Calls => calls.ToArray();

    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        calls.Enqueue(new SendCall(message.IdempotencyKey, message.Mobile, message.Text, Stopwatch.GetTimestamp()));
        if (delay is { } wait)
        {
            await Task.Delay(wait, cancellationToken);
        }
    }
}

/// <summary>Fails the first <paramref name="failures"/> sends (all of them by default), recording each call.</summary>
public sealed class FailingSmsSender(int failures = int.MaxValue) : ISmsSender
{
    public const string Reason = "Provider unavailable (test)";

    private readonly ConcurrentQueue<SendCall> calls = new();

    public IReadOnlyList<SendCall> Calls => calls.ToArray();

    public Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        calls.Enqueue(new SendCall(message.IdempotencyKey, message.Mobile, message.Text, Stopwatch.GetTimestamp()));
        return calls.Count <= failures
            ? Task.FromException(new NotificationDeliveryException(Reason))
            : Task.CompletedTask;
    }
}

/// <summary>
/// Hangs in the middle of a send, as a provider call does when the process is killed: it never returns and
/// ignores cancellation unless <paramref name="honourCancellation"/>.
/// </summary>
public sealed class BlockingSmsSender(bool honourCancellation = false) : ISmsSender
{
    private readonly TaskCompletionSource<SmsMessage> entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the message once a send has started.</summary>
    public Task<SmsMessage> Entered => entered.Task;

    public Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        entered.TrySetResult(message);
        return honourCancellation
            ? Task.Delay(Timeout.Infinite, cancellationToken)
            : new TaskCompletionSource().Task; // never completes
    }
}
