namespace CertificateInquiry.Web.Features.Staff.PaperLetters;

/// <summary>How issuing a paper letter's answer letter ended.</summary>
public sealed record IssueOutcome(IssueOutcome.Kinds Kind, string? Message = null)
{
    public const string AlreadyIssuedMessage = "نامه پاسخ این نامه پیش‌تر صادر شده است.";
    public const string RowsOpenMessage = "هنوز همه ردیف‌ها پاسخ نگرفته‌اند؛ نامه پاسخ پس از پاسخ همه ردیف‌ها صادر می‌شود.";
    public const string ConflictMessage = "نامه در همین میان تغییر کرد؛ صفحه را دوباره ببینید.";
    public const string ForbiddenMessage = "نامه پاسخ را مدیر استان صادر و امضا می‌کند.";

    public enum Kinds
    {
        Issued,
        NotFound,
        Forbidden,
        AlreadyIssued,
        RowsOpen,
        Conflict,
    }
}
