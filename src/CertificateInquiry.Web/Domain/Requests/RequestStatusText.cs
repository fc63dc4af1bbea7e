namespace CertificateInquiry.Web.Domain.Requests;

/// <summary>
/// The Persian words for where a request stands, the same in notifications, the tracking page and the
/// back-office: short titles for a status, an answer's outcome and a visit.
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

    /// <summary>
    /// The request's status as the applicant should read it: an answer names its outcome («پاسخ داده شد: گواهینامه
    /// تأیید شد») and a scheduled visit its kind («در انتظار آزمون عملی»).
    /// </summary>
    public static string Current(InquiryRequest request) => request.Status switch
    {
        RequestStatus.Answered when request.Outcome is { } outcome => Title(RequestStatus.Answered) + ": " + Title(outcome),
        RequestStatus.AwaitingVisit when request.VisitKind is { } kind => "در انتظار " + Title(kind),
        _ => Title(request.Status),
    };
}
