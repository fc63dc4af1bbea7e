using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;

namespace CertificateInquiry.UnitTests.Requests;

public class InquiryRequestTests
{
    private static readonly DateTime At = new(2025, 12, 1, 8, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Submit_issues_the_tracking_code_and_records_the_applicants_move()
    {
        var request = RequestBuilder.Draft();
        Assert.Null(request.TrackingCode);

        var transition = request.Submit("482915307714", At, new DateOnly(2025, 12, 3));

        Assert.Equal("482915307714", request.TrackingCode);
        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Equal(At, request.SubmittedAtUtc);
        Assert.Equal(new DateOnly(2025, 12, 3), request.DueOn);
        Assert.Equal(RequestActor.Applicant, transition.Actor);
        Assert.Equal((RequestStatus?)RequestStatus.Draft, transition.From);
        Assert.False(request.AcceptsDocuments);
    }

    [Theory]
    [InlineData("")]
    [InlineData("482915307715")] // wrong check digit
    [InlineData("48291530771")]
    [InlineData("۴۸۲۹۱۵۳۰۷۷۱۴")] // callers normalize first
    public void Submit_refuses_a_code_that_is_not_a_tracking_code_and_changes_nothing(string code)
    {
        var request = RequestBuilder.Draft();

        Assert.Throws<ArgumentException>(() => request.Submit(code, At, new DateOnly(2025, 12, 3)));

        Assert.Equal(RequestStatus.Draft, request.Status);
        Assert.Null(request.TrackingCode);
        Assert.Null(request.SubmittedAtUtc);
        Assert.Empty(request.Transitions);
    }

    [Fact]
    public void A_request_is_submitted_only_once()
    {
        var request = RequestBuilder.In(RequestStatus.Submitted);

        Assert.Throws<IllegalTransitionException>(() => request.Submit(TrackingCode.New(), At, new DateOnly(2025, 12, 3)));

        Assert.Equal(RequestBuilder.Code, request.TrackingCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_rejection_needs_a_reason(string? reason)
    {
        var request = RequestBuilder.In(RequestStatus.UnderReview);
        var transitions = request.Transitions.Count;

        var refused = Assert.Throws<ArgumentException>(() =>
            request.Answer(AnswerOutcome.Rejected, reason, null, RequestBuilder.StaffId, RequestBuilder.StaffName, At));

        Assert.Equal("reason", refused.ParamName);
        Assert.Equal(RequestStatus.UnderReview, request.Status);
        Assert.Null(request.Outcome);
        Assert.Equal(transitions, request.Transitions.Count);
    }

    [Fact]
    public void A_rejection_with_a_reason_answers_and_shows_the_reason_in_the_timeline()
    {
        var request = RequestBuilder.In(RequestStatus.UnderReview);

        var transition = request.Answer(AnswerOutcome.Rejected, "مدارک با سوابق بایگانی مطابقت ندارد", null, RequestBuilder.StaffId, RequestBuilder.StaffName, At);

        Assert.Equal(RequestStatus.Answered, request.Status);
        Assert.Equal(AnswerOutcome.Rejected, request.Outcome);
        Assert.Equal("مدارک با سوابق بایگانی مطابقت ندارد", request.OutcomeReason);
        Assert.Equal("مدارک با سوابق بایگانی مطابقت ندارد", transition.Note);
        Assert.Equal(At, request.AnsweredAtUtc);
        Assert.Null(request.DueOn);
    }

    [Fact]
    public void A_confirmation_needs_the_certificate()
    {
        var request = RequestBuilder.In(RequestStatus.UnderReview);

        var refused = Assert.Throws<ArgumentException>(() =>
            request.Answer(AnswerOutcome.Confirmed, null, null, RequestBuilder.StaffId, RequestBuilder.StaffName, At));

        Assert.Equal("certificateId", refused.ParamName);
        Assert.Equal(RequestStatus.UnderReview, request.Status);
        Assert.Null(request.Outcome);
    }

    [Fact]
    public void A_confirmation_names_the_certificate_and_other_answers_do_not()
    {
        var confirmed = RequestBuilder.In(RequestStatus.UnderReview);
        var notFound = RequestBuilder.In(RequestStatus.UnderReview);

        confirmed.Answer(AnswerOutcome.Confirmed, null, 42, RequestBuilder.StaffId, RequestBuilder.StaffName, At);
        notFound.Answer(AnswerOutcome.NotFound, null, 42, RequestBuilder.StaffId, RequestBuilder.StaffName, At);

        Assert.Equal(42, confirmed.AnswerCertificateId);
        Assert.Null(notFound.AnswerCertificateId);
        Assert.Equal(AnswerOutcome.NotFound, notFound.Outcome);
    }

    [Fact]
    public void Scheduling_a_visit_keeps_the_appointment()
    {
        var request = RequestBuilder.In(RequestStatus.UnderReview);
        var visit = new DateTime(2025, 12, 10, 9, 30, 0);

        request.ScheduleVisit(VisitKind.InPerson, visit, "شیراز، بلوار ارم", RequestBuilder.StaffId, RequestBuilder.StaffName, At, new DateOnly(2025, 12, 10), null);

        Assert.Equal(RequestStatus.AwaitingVisit, request.Status);
        Assert.Equal(VisitKind.InPerson, request.VisitKind);
        Assert.Equal(visit, request.VisitAtLocal);
        Assert.Equal("شیراز، بلوار ارم", request.VisitPlace);
        Assert.Equal(new DateOnly(2025, 12, 10), request.DueOn);
    }

    [Fact]
    public void A_visit_needs_a_place()
    {
        var request = RequestBuilder.In(RequestStatus.UnderReview);

        Assert.Throws<ArgumentException>(() =>
            request.ScheduleVisit(VisitKind.InPerson, At, " ", RequestBuilder.StaffId, RequestBuilder.StaffName, At, new DateOnly(2025, 12, 10), null));

        Assert.Equal(RequestStatus.UnderReview, request.Status);
        Assert.Null(request.VisitKind);
    }

    [Fact]
    public void Every_move_changes_the_concurrency_token()
    {
        // Two staff members who loaded the same request must not both save a move: the token each saves against
        // has to change with every move.
        var request = RequestBuilder.Draft();
        var seen = new HashSet<Guid> { request.Version };

        foreach (var status in new[] { RequestStatus.Submitted, RequestStatus.UnderReview, RequestStatus.NeedsMoreDocuments, RequestStatus.UnderReview, RequestStatus.Answered })
        {
            RequestBuilder.Move(request, status);
            Assert.True(seen.Add(request.Version), $"The version did not change on the move to {status}.");
        }
    }

    [Fact]
    public void Staff_changes_that_are_not_moves_renew_the_token_too_and_leave_the_status()
    {
        var request = RequestBuilder.In(RequestStatus.UnderReview);
        var before = request.Version;

        request.AssignTo("staff-7", At);
        var afterAssign = request.Version;
        request.MarkChanged(At.AddMinutes(1));

        Assert.Equal(("staff-7", RequestStatus.UnderReview), (request.AssignedToUserId, request.Status));
        Assert.NotEqual(before, afterAssign);
        Assert.NotEqual(afterAssign, request.Version);
        Assert.Equal(At.AddMinutes(1), request.UpdatedAtUtc);
    }

    [Theory]
    [InlineData(RequestStatus.Draft, true)]
    [InlineData(RequestStatus.Submitted, false)]
    [InlineData(RequestStatus.UnderReview, false)]
    [InlineData(RequestStatus.NeedsMoreDocuments, true)]
    [InlineData(RequestStatus.AwaitingVisit, false)]
    [InlineData(RequestStatus.Answered, false)]
    public void Documents_are_taken_while_filling_in_and_when_staff_asked_for_more(RequestStatus status, bool accepts) =>
        Assert.Equal(accepts, RequestBuilder.In(status).AcceptsDocuments);

    [Fact]
    public void A_woman_needs_the_three_identity_and_education_documents()
    {
        var request = RequestBuilder.Draft();
        request.Gender = Gender.Female;

        Assert.Equal(
            [DocumentKind.NationalCard, DocumentKind.BirthCertificate, DocumentKind.EducationDegree],
            request.RequiredDocuments(tradeNeedsPrerequisite: false));
    }

    [Fact]
    public void A_man_needs_the_military_service_card_too()
    {
        var request = RequestBuilder.Draft();
        request.Gender = Gender.Male;

        Assert.Equal(
            [DocumentKind.NationalCard, DocumentKind.BirthCertificate, DocumentKind.EducationDegree, DocumentKind.MilitaryService],
            request.RequiredDocuments(tradeNeedsPrerequisite: false));
    }

    [Theory]
    [InlineData(Gender.Male)]
    [InlineData(Gender.Female)]
    public void A_trade_with_a_prerequisite_needs_the_prerequisite_certificate(Gender gender)
    {
        var request = RequestBuilder.Draft();
        request.Gender = gender;

        var required = request.RequiredDocuments(tradeNeedsPrerequisite: true);

        Assert.Equal(DocumentKind.Prerequisite, required[^1]);
        Assert.Equal(gender == Gender.Male, required.Contains(DocumentKind.MilitaryService));
    }

    [Fact]
    public void The_paper_certificate_and_additional_documents_are_never_required()
    {
        var request = RequestBuilder.Draft();
        request.Gender = Gender.Male;

        var required = request.RequiredDocuments(tradeNeedsPrerequisite: true);

        Assert.DoesNotContain(DocumentKind.PaperCertificate, required);
        Assert.DoesNotContain(DocumentKind.Additional, required);
    }
}
