using CertificateInquiry.Web.Domain.Requests;

namespace CertificateInquiry.Web.Features.Requests;

/// <summary>
/// The Persian titles of a request's statuses, answers and visits: one list for the applicant's pages, the
/// receipt, the notifications and the back-office, so that a status is called the same everywhere.
/// </summary>
public static class RequestStatusText
{
    public static string Title(RequestStatus status) => status switch
    {
        RequestStatus.Draft => "پیش‌نویس",
        RequestStatus.Submitted => "ثبت‌شده، در انتظار بررسی",
        RequestStatus.UnderReview => "در حال بررسی",
        RequestStatus.NeedsMoreDocuments => "در انتظار مدارک تکمیلی",
        RequestStatus.AwaitingVisit => "در انتظار مراجعه یا آزمون",
        RequestStatus.Answered => "پاسخ داده شد",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Title(AnswerOutcome outcome) => outcome switch
    {
        AnswerOutcome.Confirmed => "گواهینامه تأیید شد",
        AnswerOutcome.NotFound => "گواهینامه در بایگانی یافت نشد",
        AnswerOutcome.Rejected => "درخواست رد شد",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    public static string Title(VisitKind kind) => kind switch
    {
        VisitKind.InPerson => "مراجعه حضوری",
        VisitKind.PracticalExam => "آزمون عملی",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
