using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.UnitTests.Notifications;

public sealed class NotifierTests : IDisposable
{
    private const string NationalCode = "0076543218";
    private static readonly DateTime Now = new(2026, 11, 24, 8, 0, 0, DateTimeKind.Utc);

    // The notifier only adds rows: a context that never touches its database is enough.
    private readonly SqliteAppDbContext db = new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);

    public void Dispose() => db.Dispose();

    private Notifier NewNotifier() =>
        new(db, new FixedClock(Now), new PublicAddress(new Uri("https://portal.test/")));

    private static InquiryRequest Submitted(string? email = "maryam@example.org")
    {
        var request = new InquiryRequest
        {
            Id = 7,
            AccessKey = new string('a', 32),
            NationalCode = NationalCode,
            FirstName = "مریم",
            LastName = "احمدی",
            Mobile = "09121234567",
            Email = email,
        };
        request.Submit("123456789015", Now, new DateOnly(2026, 12, 8));
        return request;
    }

    [Fact]
    public void A_submitted_request_gets_an_sms_and_an_email_with_the_tracking_code_and_link()
    {
        var request = Submitted();

        var messages = NewNotifier().RequestSubmitted(request, new DateOnly(2026, 12, 18));

        var sms = Assert.Single(messages, m => m.Channel == NotificationChannel.Sms);
        var email = Assert.Single(messages, m => m.Channel == NotificationChannel.Email);
        Assert.Equal("09121234567", sms.Recipient);
        Assert.Equal(
            "درخواست استعلام گواهینامه شما ثبت شد.\nکد رهگیری: 123456789015\nوضعیت: ثبت‌شده، در انتظار بررسی\nپیگیری: https://portal.test/requests/track",
            sms.Body);
        Assert.Equal("maryam@example.org", email.Recipient);
        Assert.Equal("درخواست استعلام گواهینامه: ثبت شد، کد رهگیری 123456789015", email.Subject);
        Assert.Contains("پاسخ تا ۱۴۰۵/۰۹/۲۷ آماده می‌شود.", email.Body, StringComparison.Ordinal);
        Assert.All(messages, m =>
        {
            Assert.Equal(7, m.RequestId);
            Assert.Equal(Now, m.CreatedAtUtc);
            Assert.Equal(Now, m.NextAttemptAtUtc);
            Assert.Null(m.SentAtUtc);
        });
        Assert.Equal(2, db.ChangeTracker.Entries<OutboxMessage>().Count(e => e.State == EntityState.Added));
    }

    [Fact]
    public void Without_an_email_address_only_the_sms_is_written()
    {
        var messages = NewNotifier().RequestSubmitted(Submitted(email: null), new DateOnly(2026, 12, 18));

        Assert.Equal(NotificationChannel.Sms, Assert.Single(messages).Channel);
    }

    [Fact]
    public void Each_status_change_names_the_new_status_and_what_to_do()
    {
        var request = Submitted();
        var notifier = NewNotifier();
        string SmsAfter(RequestTransition transition) => notifier.StatusChanged(request, transition).Single(m => m.Channel == NotificationChannel.Sms).Body;

        var review = SmsAfter(request.MoveTo(RequestStatus.UnderReview, "staff-1", "کارشناس", Now, null));
        Assert.Contains("وضعیت: در حال بررسی", review, StringComparison.Ordinal);

        var documents = SmsAfter(request.MoveTo(RequestStatus.NeedsMoreDocuments, "staff-1", "کارشناس", Now, null, "تصویر شناسنامه خوانا نیست"));
        Assert.Contains("وضعیت: در انتظار مدارک تکمیلی", documents, StringComparison.Ordinal);
        Assert.Contains("مدارک خواسته‌شده را در صفحه پیگیری بفرستید", documents, StringComparison.Ordinal);

        request.MoveTo(RequestStatus.UnderReview, "staff-1", "کارشناس", Now, null);
        var visit = SmsAfter(request.ScheduleVisit(
            VisitKind.PracticalExam, new DateTime(2026, 12, 1, 9, 30, 0), "مرکز شماره ۱ تهران", "staff-1", "کارشناس", Now, new DateOnly(2026, 12, 1), null));
        Assert.Contains("وضعیت: در انتظار آزمون عملی", visit, StringComparison.Ordinal);
        Assert.Contains("زمان: ۱۴۰۵/۰۹/۱۰ ساعت ۰۹:۳۰", visit, StringComparison.Ordinal);

        request.MoveTo(RequestStatus.UnderReview, "staff-1", "کارشناس", Now, null);
        var answer = SmsAfter(request.Answer(AnswerOutcome.Rejected, "مدارک با سوابق هم‌خوانی ندارد", null, "staff-1", "کارشناس", Now));
        Assert.StartsWith("به درخواست استعلام گواهینامه شما پاسخ داده شد.", answer, StringComparison.Ordinal);
        Assert.Contains("وضعیت: پاسخ داده شد: درخواست رد شد", answer, StringComparison.Ordinal);

        Assert.All(db.ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity), m =>
        {
            Assert.Contains("123456789015", m.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(NationalCode, m.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("احمدی", m.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_request_without_a_tracking_code_is_not_notified()
    {
        var draft = new InquiryRequest { Id = 3, AccessKey = new string('b', 32), Mobile = "09121234567" };

        Assert.Throws<InvalidOperationException>(() => NewNotifier().RequestSubmitted(draft, new DateOnly(2026, 12, 18)));
    }

    private sealed class FixedClock(DateTime utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utcNow, TimeSpan.Zero);
    }
}
