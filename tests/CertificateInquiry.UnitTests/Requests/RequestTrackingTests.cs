using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests;
using CertificateInquiry.Web.Features.Requests.Tracking;

namespace CertificateInquiry.UnitTests.Requests;

public class RequestTrackingTests
{
    private static readonly DateOnly Today = new(2025, 12, 10);
    private static readonly DateTime Entered = new(2025, 12, 1, 6, 0, 0, DateTimeKind.Utc);

    private static TrackedRequestRow Row(RequestStatus status, DateOnly? dueOn = null, string? note = null, List<StaffMessage>? messages = null) => new()
    {
        TrackingCode = RequestBuilder.Code,
        FirstName = "علی",
        LastName = "رضایی",
        TradeText = "جوشکار",
        Status = status,
        DueOn = dueOn,
        Transitions =
        [
            new TimelineEntry(Entered.AddDays(-3), RequestStatus.Submitted, null),
            new TimelineEntry(Entered, status, note),
        ],
        Messages = messages ?? [],
    };

    private static RequestTracking From(TrackedRequestRow row) => RequestTracking.From(row, new RequestServiceLevels(), Today);

    [Fact]
    public void A_due_date_still_ahead_is_not_overdue()
    {
        var due = From(Row(RequestStatus.UnderReview, dueOn: Today)).Due!;

        Assert.Equal(Today, due.On);
        Assert.False(due.IsOverdue);
        Assert.Null(due.OverdueText);
    }

    [Fact]
    public void A_due_date_in_the_past_is_overdue_and_says_so()
    {
        var due = From(Row(RequestStatus.UnderReview, dueOn: Today.AddDays(-1))).Due!;

        Assert.True(due.IsOverdue);
        Assert.Contains("نیازی به ثبت دوباره نیست", due.OverdueText, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_stored_due_date_the_target_counts_from_the_day_the_status_was_entered()
    {
        // Entered on 2025-12-01 (Iran time 09:30); UnderReview's target is ten days.
        var due = From(Row(RequestStatus.UnderReview)).Due!;

        Assert.Equal(new DateOnly(2025, 12, 11), due.On);
    }

    [Fact]
    public void An_answered_request_has_nothing_due() => Assert.Null(From(Row(RequestStatus.Answered)).Due);

    [Fact]
    public void An_answer_carries_its_letter_number_when_a_letter_was_issued()
    {
        var row = Row(RequestStatus.Answered);
        TrackedRequestRow Answered(string? letterNumber) => new()
        {
            TrackingCode = row.TrackingCode,
            Status = row.Status,
            Transitions = row.Transitions,
            Messages = row.Messages,
            Outcome = AnswerOutcome.NotFound,
            LetterNumber = letterNumber,
            LetterIssuedAtUtc = letterNumber is null ? null : Entered,
        };

        var withLetter = From(Answered("08/1405/00012")).Answer!;
        var withoutLetter = From(Answered(null)).Answer!;

        Assert.Equal("08/1405/00012", withLetter.LetterNumber);
        Assert.Equal(Entered, withLetter.LetterIssuedAtUtc);
        Assert.Null(withoutLetter.LetterNumber); // answered before letters existed: nothing to download
    }

    [Fact]
    public void More_documents_are_asked_for_with_the_note_of_the_move()
    {
        var tracking = From(Row(RequestStatus.NeedsMoreDocuments, Today.AddDays(4), "تصویر کارت پایان خدمت خواناتر", [new StaffMessage(Entered.AddDays(1), "پیام دیگر")]));

        Assert.Equal("تصویر کارت پایان خدمت خواناتر", tracking.MoreDocuments!.StaffMessage);
        Assert.Equal("مهلت شما برای فرستادن مدارک", tracking.Due!.Label);
        Assert.Null(tracking.Visit);
        Assert.Null(tracking.Answer);
    }

    [Fact]
    public void Without_a_note_the_staff_message_sent_since_is_what_was_asked()
    {
        var messages = new List<StaffMessage> { new(Entered.AddDays(-2), "پیام قدیمی"), new(Entered.AddMinutes(1), "گواهی پیش‌نیاز را بفرستید") };

        Assert.Equal("گواهی پیش‌نیاز را بفرستید", From(Row(RequestStatus.NeedsMoreDocuments, messages: messages)).MoreDocuments!.StaffMessage);
    }

    [Theory]
    [InlineData(RequestStatus.Submitted)]
    [InlineData(RequestStatus.UnderReview)]
    [InlineData(RequestStatus.AwaitingVisit)]
    [InlineData(RequestStatus.Answered)]
    public void Documents_are_asked_for_only_while_staff_wait_for_them(RequestStatus status) =>
        Assert.Null(From(Row(status)).MoreDocuments);

    [Fact]
    public void A_visit_is_shown_with_its_persian_weekday_date_and_time()
    {
        var row = Row(RequestStatus.AwaitingVisit);
        row = new TrackedRequestRow
        {
            TrackingCode = row.TrackingCode,
            Status = row.Status,
            Transitions = row.Transitions,
            Messages = row.Messages,
            VisitKind = VisitKind.PracticalExam,
            VisitAtLocal = new DateTime(2025, 12, 13, 9, 30, 0), // a Saturday: ۱۴۰۴/۰۹/۲۲
            VisitPlace = "تهران، خیابان آزادی",
        };

        var visit = From(row).Visit!;

        Assert.Equal("آزمون عملی", visit.KindTitle);
        Assert.Equal("شنبه ۱۴۰۴/۰۹/۲۲", visit.DateText);
        Assert.Equal("۰۹:۳۰", visit.TimeText);
    }
}
