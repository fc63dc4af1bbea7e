using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Notifications;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.UnitTests.Notifications;

public sealed class NotificationHelpersTests
{
    [Fact]
    public void Every_status_outcome_and_visit_has_its_own_Persian_title()
    {
        var titles = Enum.GetValues<RequestStatus>().Select(RequestStatusText.Title)
            .Concat(Enum.GetValues<AnswerOutcome>().Select(RequestStatusText.Title))
            .Concat(Enum.GetValues<VisitKind>().Select(RequestStatusText.Title))
            .ToList();

        Assert.Equal(titles.Count, titles.Distinct().Count());
        Assert.All(titles, title => Assert.Matches("^[\u0600-\u06FF\u200C ،:()]+$", title));
        Assert.Equal("در حال بررسی", RequestStatusText.Title(RequestStatus.UnderReview));
        Assert.Equal("در انتظار مدارک تکمیلی", RequestStatusText.Title(RequestStatus.NeedsMoreDocuments));
        Assert.Equal("در انتظار مراجعه یا آزمون", RequestStatusText.Title(RequestStatus.AwaitingVisit));
        Assert.Equal("پاسخ داده شد", RequestStatusText.Title(RequestStatus.Answered));
    }

    [Fact]
    public void Retries_wait_twice_as_long_each_time_up_to_the_maximum()
    {
        var options = new NotificationOptions { RetryBaseDelay = TimeSpan.FromSeconds(30), RetryMaxDelay = TimeSpan.FromMinutes(5) };

        Assert.Equal(
            [30, 60, 120, 240, 300, 300],
            Enumerable.Range(1, 6).Select(attempts => options.RetryDelay(attempts).TotalSeconds));
        Assert.Equal(TimeSpan.FromMinutes(5), options.RetryDelay(int.MaxValue));
    }

    [Theory]
    [InlineData("09121234567", "0912*****67")]
    [InlineData("0912", "****")]
    public void Mobiles_are_masked_for_the_log(string mobile, string masked) => Assert.Equal(masked, Redaction.MobileForLog(mobile));

    [Theory]
    [InlineData("09121234567", "0912***4567")]
    [InlineData(null, null)]
    [InlineData("0912", null)]
    public void Mobiles_are_masked_in_the_middle_for_the_applicant(string? mobile, string? masked) =>
        Assert.Equal(masked, Redaction.MobileForApplicant(mobile));

    [Theory]
    [InlineData("maryam.ahmadi@example.org", "m***@example.org")]
    [InlineData("not-an-address", "***")]
    public void Email_addresses_are_masked_for_the_log(string address, string masked) => Assert.Equal(masked, Redaction.Email(address));

    [Fact]
    public void The_outbox_key_is_the_same_for_every_attempt_and_differs_between_databases()
    {
        var message = new OutboxMessage { Id = 42, Recipient = "09121234567", Body = "متن", CreatedAtUtc = new DateTime(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc) };
        var sameRowElsewhere = new OutboxMessage { Id = 42, Recipient = "09121234567", Body = "متن", CreatedAtUtc = message.CreatedAtUtc.AddMilliseconds(1) };

        Assert.Equal(IdempotencyKeys.Outbox(message), IdempotencyKeys.Outbox(message));
        Assert.NotEqual(IdempotencyKeys.Outbox(message), IdempotencyKeys.Outbox(sameRowElsewhere));
        Assert.StartsWith("outbox-42-", IdempotencyKeys.Outbox(message), StringComparison.Ordinal);
    }

    [Fact]
    public void The_development_log_drops_repeated_keys_keeps_the_newest_and_finds_codes()
    {
        var log = new DevelopmentMessageLog(Options.Create(new NotificationOptions { DevelopmentMessagesKept = 3 }));
        DevelopmentMessage Sms(string key, string text) => new(NotificationChannel.Sms, key, "09121234567", null, text, DateTime.UtcNow);

        Assert.True(log.Add(Sms(IdempotencyKeys.PhoneVerification(1, 1, DateTime.UtcNow), "کد تأیید استعلام گواهینامه: 048213 — این کد را به کسی ندهید.")));
        Assert.True(log.Add(Sms("outbox-1-1", "کد رهگیری: 123456789015")));
        Assert.False(log.Add(Sms("outbox-1-1", "کد رهگیری: 123456789015")));
        Assert.Equal(2, log.Messages().Count);
        Assert.Equal("048213", log.LastCodeSentTo("09121234567")); // the tracking code is not taken for one
        Assert.Null(log.LastCodeSentTo("09350000000"));

        Assert.True(log.Add(Sms("outbox-2-1", "دو")));
        Assert.True(log.Add(Sms("outbox-3-1", "سه")));
        Assert.Equal(["outbox-3-1", "outbox-2-1", "outbox-1-1"], log.Messages().Select(m => m.IdempotencyKey));
        Assert.Null(log.LastCodeSentTo("09121234567"));
    }
}
