namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>The notice the case page shows after a successful action, by the code in the redirect's query string.</summary>
public static class CaseNotices
{
    public static string? For(string? done) => done switch
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
        "holder-recorded" => "مشخصات دارنده ثبت شد.",
        "message-sent" => "پیام برای متقاضی ثبت شد و در صفحه پیگیری نمایش داده می‌شود.",
        "proposed" => "پاسخ پیشنهادی ثبت شد و در انتظار تأیید مدیر استان است.",
        "approved" => "پاسخ تأیید و صادر شد و به متقاضی خبر داده شد.",
        "returned" => "پاسخ پیشنهادی با یادداشت شما برگردانده شد.",
        _ => null,
    };
}
