using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;

namespace CertificateInquiry.UnitTests.Requests;

/// <summary>Builds requests that reached a status the only way the domain allows: through legal moves.</summary>
internal static class RequestBuilder
{
    public const string StaffId = "staff-17";
    public const string StaffName = "کارشناس استان";
    public const string Code = "482915307714";

    public static readonly DateTime Start = new(2025, 11, 24, 6, 0, 0, DateTimeKind.Utc);

    public static InquiryRequest Draft() => new()
    {
        AccessKey = "k".PadRight(32, 'k'),
        NationalCode = "0076543218",
        FirstName = "مریم",
        LastName = "احمدی",
        Gender = Gender.Female,
        CreatedAtUtc = Start,
        UpdatedAtUtc = Start,
    };

    /// <summary>A request in <paramref name="status"/>, reached by the shortest legal path from a draft.</summary>
    public static InquiryRequest In(RequestStatus status)
    {
        var request = Draft();
        var path = status switch
        {
            RequestStatus.Draft => [],
            RequestStatus.Submitted => [RequestStatus.Submitted],
            RequestStatus.UnderReview => [RequestStatus.Submitted, RequestStatus.UnderReview],
            RequestStatus.NeedsMoreDocuments => [RequestStatus.Submitted, RequestStatus.UnderReview, RequestStatus.NeedsMoreDocuments],
            RequestStatus.AwaitingVisit => [RequestStatus.Submitted, RequestStatus.UnderReview, RequestStatus.AwaitingVisit],
            RequestStatus.Answered => new[] { RequestStatus.Submitted, RequestStatus.UnderReview, RequestStatus.Answered },
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var next in path)
        {
            Move(request, next);
        }

        return request;
    }

    /// <summary>One move through the method that owns it: details-carrying moves have their own.</summary>
    public static RequestTransition Move(InquiryRequest request, RequestStatus to)
    {
        var at = Start.AddHours(request.Transitions.Count + 1);
        var due = DateOnly.FromDateTime(at).AddDays(3);
        return to switch
        {
            RequestStatus.Submitted => request.Submit(Code, at, due),
            RequestStatus.AwaitingVisit when request.Status == RequestStatus.AwaitingVisit =>
                request.RescheduleVisit(at.AddDays(6), "تهران، خیابان آزادی، مرکز شماره ۲", StaffId, StaffName, at, due, "زمان تازه"),
            RequestStatus.AwaitingVisit => request.ScheduleVisit(
                VisitKind.PracticalExam, at.AddDays(5), "تهران، خیابان آزادی، مرکز شماره ۱", StaffId, StaffName, at, due, "لطفاً کارت ملی همراه داشته باشید"),
            RequestStatus.Answered => request.Answer(AnswerOutcome.NotFound, null, null, StaffId, StaffName, at),
            _ => request.MoveTo(to, StaffId, StaffName, at, due, "یادداشت"),
        };
    }
}
