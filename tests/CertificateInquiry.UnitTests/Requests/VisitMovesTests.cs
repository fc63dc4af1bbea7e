using CertificateInquiry.Web.Domain.Requests;

namespace CertificateInquiry.UnitTests.Requests;

/// <summary>A scheduled visit moved, cancelled or missed: moves of the state machine, each recorded.</summary>
public sealed class VisitMovesTests
{
    private static readonly DateTime At = RequestBuilder.Start.AddDays(10);

    [Fact]
    public void A_visit_moved_to_another_time_stays_awaited_with_the_new_time_and_place_recorded()
    {
        var request = RequestBuilder.In(RequestStatus.AwaitingVisit);
        var version = request.Version;
        var newTime = new DateTime(2026, 1, 10, 11, 0, 0);

        var transition = request.RescheduleVisit(newTime, "مرکز شماره ۳", RequestBuilder.StaffId, RequestBuilder.StaffName, At, new DateOnly(2026, 1, 10), "جابه‌جایی");

        Assert.Equal((RequestStatus.AwaitingVisit, RequestStatus.AwaitingVisit), (transition.From!.Value, transition.To));
        Assert.Equal((newTime, "مرکز شماره ۳", VisitKind.PracticalExam), (request.VisitAtLocal!.Value, request.VisitPlace!, request.VisitKind!.Value));
        Assert.NotEqual(version, request.Version);
    }

    [Theory]
    [InlineData(RequestStatus.Submitted)]
    [InlineData(RequestStatus.UnderReview)]
    [InlineData(RequestStatus.NeedsMoreDocuments)]
    [InlineData(RequestStatus.Answered)]
    public void Without_a_scheduled_visit_it_cannot_be_moved_cancelled_or_missed(RequestStatus status)
    {
        var request = RequestBuilder.In(status);
        var count = request.Transitions.Count;

        Assert.Throws<IllegalTransitionException>(() =>
            request.RescheduleVisit(At.AddDays(3), "مرکز", RequestBuilder.StaffId, RequestBuilder.StaffName, At, new DateOnly(2026, 1, 1), null));
        Assert.Throws<IllegalTransitionException>(() => request.CancelVisit("دلیل", RequestBuilder.StaffId, RequestBuilder.StaffName, At, null));
        Assert.Throws<IllegalTransitionException>(() => request.RecordNoShow(At.AddYears(1), "نیامد", RequestBuilder.StaffId, RequestBuilder.StaffName, At, null));
        Assert.Equal((status, count), (request.Status, request.Transitions.Count));
    }

    [Fact]
    public void A_cancelled_visit_returns_the_request_to_review_with_the_reason_and_no_appointment()
    {
        var request = RequestBuilder.In(RequestStatus.AwaitingVisit);

        var transition = request.CancelVisit("کارگاه در دست تعمیر است", RequestBuilder.StaffId, RequestBuilder.StaffName, At, new DateOnly(2026, 1, 1));

        Assert.Equal((RequestStatus.AwaitingVisit, RequestStatus.UnderReview, "کارگاه در دست تعمیر است"), (transition.From!.Value, transition.To, transition.Note));
        Assert.Equal(RequestStatus.UnderReview, request.Status);
        Assert.Null(request.VisitAtLocal);
        Assert.Null(request.VisitKind);
        Assert.Null(request.VisitPlace);
    }

    [Fact]
    public void A_no_show_is_recorded_only_once_the_appointment_has_passed_and_returns_the_request_to_review()
    {
        var request = RequestBuilder.In(RequestStatus.AwaitingVisit);
        var appointment = request.VisitAtLocal!.Value;

        Assert.False(request.VisitTimeHasCome(appointment.AddMinutes(-1)));
        Assert.Throws<InvalidOperationException>(() =>
            request.RecordNoShow(appointment.AddMinutes(-1), "نیامد", RequestBuilder.StaffId, RequestBuilder.StaffName, At, null));
        Assert.Equal(RequestStatus.AwaitingVisit, request.Status);

        var transition = request.RecordNoShow(appointment.AddHours(1), "متقاضی حاضر نشد", RequestBuilder.StaffId, RequestBuilder.StaffName, At, null);

        Assert.Equal((RequestStatus.UnderReview, "متقاضی حاضر نشد"), (transition.To, transition.Note));
        Assert.Null(request.VisitAtLocal);
    }
}
