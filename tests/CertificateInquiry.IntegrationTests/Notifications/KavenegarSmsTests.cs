using CertificateInquiry.FakeProviders;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Notifications.Kavenegar;
using CertificateInquiry.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Notifications;

/// <summary>
/// The portal sending through Kavenegar, against the fake operator that speaks its REST API (FakeKavenegar): codes
/// through the template, status messages with their localid, the operator's refusals mapped to retry or give up,
/// delivery reports, and the API key kept out of the logs.
/// </summary>
public sealed class KavenegarSmsTests : IAsyncLifetime
{
    private WebApplication fakes = null!;
    private NotificationPortal portal = null!;

    private FakeKavenegar Operator => fakes.Services.GetRequiredService<FakeKavenegar>();

    public async Task InitializeAsync()
    {
        fakes = await FakeProviderServer.StartAsync();
        var settings = FakeKavenegar.PortalSettings(FakeProviderServer.Address(fakes)).ToDictionary(s => s.Key, s => (string?)s.Value);
        settings["Notifications:DispatcherEnabled"] = "false"; // the tests dispatch and check delivery themselves
        settings["Sms:Kavenegar:Timeout"] = "00:00:01";
        settings["Notifications:SendTimeout"] = "00:00:05"; // longer than Kavenegar's own timeout, which is under test
        settings["Notifications:Lease"] = "00:00:10";
        settings["Serilog:MinimumLevel:Default"] = "Debug";
        settings["Serilog:MinimumLevel:Override:System"] = "Debug";
        settings["Serilog:MinimumLevel:Override:Microsoft"] = "Debug";
        settings["Serilog:MinimumLevel:Override:Polly"] = "Debug";
        portal = new NotificationPortal(settings);
        _ = portal.Server;
    }

    public async Task DisposeAsync()
    {
        await portal.DisposeAsync();
        await fakes.DisposeAsync();
    }

    private Task<int> DispatchAsync() => portal.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

    private Task SendAsync(SmsMessage message) => portal.Services.GetRequiredService<ISmsSender>().SendAsync(message, CancellationToken.None);

    [Fact]
    public async Task A_one_time_code_goes_through_the_approved_template_with_only_the_code()
    {
        await SendAsync(new SmsMessage("phone-verification-1-1-1", "09121234567", "کد تأیید: 482913", OneTimeCode: "482913"));

        var sent = Assert.Single(Operator.Sent);
        Assert.Equal(FakeKavenegar.CodeTemplate, sent.Template);
        Assert.Equal("482913", sent.Token);
        Assert.Equal("09121234567", sent.Receptor);
        Assert.Null(sent.LocalId);
    }

    [Fact]
    public async Task A_status_message_goes_with_its_localid_and_a_repeat_after_a_lost_answer_is_dropped_by_the_operator()
    {
        var id = Assert.Single(await portal.AddSmsAsync(1, "09351112233"));
        Assert.Equal(1, await DispatchAsync());
        var row = await portal.OutboxMessageAsync(id);
        var key = IdempotencyKeys.Outbox(row);

        var sent = Assert.Single(Operator.Sent);
        Assert.Equal(KavenegarSmsSender.LocalId(key), sent.LocalId);
        Assert.Equal(18, sent.LocalId!.Length);
        Assert.Equal(row.Body, sent.Text);
        Assert.Equal("09351112233", sent.Receptor);
        Assert.NotNull(row.SentAtUtc);

        // The outbox sends again when the first answer was lost (a crash, a timeout): the same key, the same localid.
        await SendAsync(new SmsMessage(key, row.Recipient, row.Body));
        Assert.Single(Operator.Sent);
    }

    [Theory]
    [InlineData(411)] // invalid number
    [InlineData(413)] // text too long
    [InlineData(422)] // characters the operator cannot process
    public async Task A_message_the_operator_refuses_for_good_is_abandoned_at_once_with_the_reason(int code)
    {
        var id = Assert.Single(await portal.AddSmsAsync(1));
        Operator.RefuseNext(code);

        await DispatchAsync();

        var row = await portal.OutboxMessageAsync(id);
        Assert.NotNull(row.AbandonedAtUtc);
        Assert.Null(row.SentAtUtc);
        Assert.Equal(1, row.Attempts);
        Assert.StartsWith($"Kavenegar {code}: ", row.LastError, StringComparison.Ordinal);
        Assert.Empty(Operator.Sent);
    }

    [Theory]
    [InlineData(418, "credit")]
    [InlineData(403, "API key")]
    [InlineData(424, "template")]
    public async Task An_account_problem_keeps_the_message_for_a_retry_and_marks_the_operator_degraded_in_health(int code, string named)
    {
        var id = Assert.Single(await portal.AddSmsAsync(1));
        Operator.RefuseNext(code);

        await DispatchAsync();

        var row = await portal.OutboxMessageAsync(id);
        Assert.Null(row.AbandonedAtUtc);
        Assert.Null(row.SentAtUtc);
        Assert.Contains(named, row.LastError, StringComparison.Ordinal);
        Assert.True(row.NextAttemptAtUtc > row.CreatedAtUtc);
        var health = await portal.CreateClient().GetAsync("/health");
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode); // degraded, not unhealthy: lookups still work
        Assert.Equal("Degraded", await health.Content.ReadAsStringAsync());

        // Once the operator takes messages again, the retry goes and health recovers.
        await portal.WithDatabaseAsync(db => db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAtUtc, DateTime.UtcNow.AddSeconds(-1))));
        await DispatchAsync();
        Assert.NotNull((await portal.OutboxMessageAsync(id)).SentAtUtc);
        Assert.Equal("Healthy", await portal.CreateClient().GetStringAsync("/health"));
    }

    [Fact]
    public async Task A_server_error_a_malformed_answer_and_a_timeout_are_each_retried_later()
    {
        var ids = await portal.AddSmsAsync(3);
        Operator.FailNextWithServerError();
        Operator.AnswerNextMalformed();
        Operator.DelayNext(TimeSpan.FromSeconds(3)); // past Sms:Kavenegar:Timeout

        await DispatchAsync();

        var rows = await Task.WhenAll(ids.Select(portal.OutboxMessageAsync));
        Assert.All(rows, row => Assert.Null(row.AbandonedAtUtc));
        Assert.Contains(rows, row => row.LastError == "Kavenegar 502: operator's server error");
        Assert.Contains(rows, row => row.LastError == "answer not in Kavenegar's format");
        Assert.Contains(rows, row => row.LastError!.StartsWith("no answer: ", StringComparison.Ordinal));
        Assert.All(rows, row => Assert.Null(row.SentAtUtc));
    }

    [Fact]
    public async Task After_repeated_server_errors_the_sends_stop_reaching_the_operator_for_a_while_and_fail_fast()
    {
        var ids = await portal.AddSmsAsync(6);
        for (var i = 0; i < 5; i++)
        {
            Operator.FailNextWithServerError();
        }

        await DispatchAsync();

        var rows = await Task.WhenAll(ids.Select(portal.OutboxMessageAsync));
        Assert.Equal(5, Operator.Calls); // the sixth never left the portal: the circuit opened after half of five calls failed
        Assert.Equal("no answer: BrokenCircuitException", rows[^1].LastError);
        Assert.All(rows, row => Assert.Null(row.AbandonedAtUtc)); // retried later, not given up
    }

    [Fact]
    public async Task Delivery_reports_are_fetched_by_localid_and_recorded_on_each_message()
    {
        var ids = await portal.AddSmsAsync(3);
        await DispatchAsync();
        var sent = Operator.Sent;
        Assert.Equal(3, sent.Count);
        Operator.SetStatus(sent.Single(s => s.Text.EndsWith(" 0", StringComparison.Ordinal)), 10);
        Operator.SetStatus(sent.Single(s => s.Text.EndsWith(" 1", StringComparison.Ordinal)), 11);

        var reported = await portal.Services.GetRequiredService<SmsDeliveryTracker>().CheckOnceAsync(CancellationToken.None);

        Assert.Equal(3, reported);
        var rows = (await Task.WhenAll(ids.Select(portal.OutboxMessageAsync))).ToDictionary(r => r.Body[^1]);
        Assert.Equal(SmsDelivery.Delivered, rows['0'].Delivery);
        Assert.Equal(SmsDelivery.Failed, rows['1'].Delivery);
        Assert.Equal(SmsDelivery.Pending, rows['2'].Delivery);
        Assert.All(rows.Values, row => Assert.NotNull(row.DeliveryCheckedAtUtc));

        // A delivered or failed message is not asked about again; the pending one waits for the interval.
        Assert.Equal(0, await portal.Services.GetRequiredService<SmsDeliveryTracker>().CheckOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_API_key_which_travels_in_every_URL_never_reaches_the_log()
    {
        await portal.AddSmsAsync(2);
        Operator.FailNextWithServerError();
        await DispatchAsync();
        await SendAsync(new SmsMessage("phone-verification-9-1-1", "09121234567", "کد", OneTimeCode: "123456"));
        Operator.RefuseNext(403);
        await Assert.ThrowsAsync<NotificationDeliveryException>(() => SendAsync(new SmsMessage("phone-verification-9-2-1", "09121234567", "کد", OneTimeCode: "654321")));

        Assert.True(portal.LogsContain("Kavenegar"), "the test reads the portal's log");
        Assert.False(portal.LogsContain(FakeKavenegar.ApiKey));
        Assert.False(portal.LogsContain("654321"));
    }
}
