using CertificateInquiry.Web.Infrastructure.Identity;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>How an action on a case ended, decided inside its transaction and turned into a response outside it.</summary>
public sealed record CaseActionOutcome(CaseActionOutcome.Kinds Kind, string? Done = null, string? Message = null, string Field = "", int StatusCode = StatusCodes.Status200OK)
{
    public enum Kinds
    {
        Done,

        /// <summary>No such request in the user's scope: another province's, a draft, or none at all.</summary>
        NotFound,

        /// <summary>The form's own rules failed; the errors are in the validation result.</summary>
        Invalid,

        /// <summary>The request changed since the page was loaded (its version differs).</summary>
        Conflict,

        /// <summary>A rule that needs the request or the database refused it (<see cref="Message"/>, under <see cref="Field"/>).</summary>
        Refused,
    }

    public static readonly CaseActionOutcome NotFound = new(Kinds.NotFound);
    public static readonly CaseActionOutcome Invalid = new(Kinds.Invalid);
    public static readonly CaseActionOutcome Conflict = new(Kinds.Conflict);

    /// <summary>Success; <paramref name="code"/> names the notice the case page shows after the redirect.</summary>
    public static CaseActionOutcome Success(string code) => new(Kinds.Done, Done: code);

    public static CaseActionOutcome Refuse(string message, string field = "", int statusCode = StatusCodes.Status409Conflict) =>
        new(Kinds.Refused, Message: message, Field: field, StatusCode: statusCode);
}

/// <summary>The words and rules the case actions share.</summary>
public static class RequestCaseActions
{
    public const string ConflictMessage =
        "این درخواست هم‌زمان توسط همکار دیگری تغییر کرده است. وضعیت کنونی آن را در همین صفحه ببینید؛ آنچه نوشته بودید در فرم مانده است و اگر هنوز لازم است، دوباره بفرستید.";

    public const string SelfApprovalMessage =
        "پاسخی را که خودتان پیشنهاد داده‌اید نمی‌توانید تأیید یا برگشت دهید؛ مدیر دیگری از استان باید آن را بررسی کند.";

    /// <summary>Who may approve or return a proposed answer: a provincial manager (of the request's province, by scope) or a national admin.</summary>
    public static bool IsChecker(StaffScope scope) =>
        scope.IsNationalAdmin || (scope.IsStaff && scope.User.IsInRole(StaffRoles.ProvincialManager));

    /// <summary>The notice shown after a successful action, by the code in the redirect's query string.</summary>
    public static string? NoticeFor(string? done) => done switch
    {
        "assigned" => "مسئول درخواست ثبت شد.",
        "review-started" => "بررسی درخواست آغاز شد و به متقاضی خبر داده شد.",
        "documents-asked" => "درخواست مدارک تکمیلی برای متقاضی فرستاده شد.",
        "visit-scheduled" => "زمان مراجعه یا آزمون ثبت شد و به متقاضی خبر داده شد.",
        "visit-rescheduled" => "زمان تازه مراجعه یا آزمون ثبت شد و به متقاضی خبر داده شد.",
        "visit-cancelled" => "مراجعه یا آزمون لغو شد و درخواست دوباره در حال بررسی است؛ به متقاضی خبر داده شد.",
        "no-show-recorded" => "نیامدن متقاضی ثبت شد و درخواست دوباره در حال بررسی است؛ به متقاضی خبر داده شد.",
        "visit-held" => "انجام مراجعه یا آزمون ثبت شد و درخواست دوباره در حال بررسی است.",
        "note-added" => "یادداشت داخلی ثبت شد.",
        "message-sent" => "پیام برای متقاضی ثبت شد و در صفحه پیگیری نمایش داده می‌شود.",
        "proposed" => "پاسخ پیشنهادی ثبت شد و در انتظار تأیید مدیر استان است.",
        "approved" => "پاسخ تأیید و صادر شد و به متقاضی خبر داده شد.",
        "returned" => "پاسخ پیشنهادی با یادداشت شما برگردانده شد.",
        _ => null,
    };
}
