using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;

namespace CertificateInquiry.UnitTests.Requests;

/// <summary>Answer letters as <c>AnswerLetters.IssueAsync</c> records them, for the text and PDF tests.</summary>
internal static class AnswerLetterSamples
{
    public const string LetterNumber = "08/1405/00012";
    public const string CertificateNumber = "1386-08-004512";
    public const string StandardCode = "7212-33-001-1";
    public const string VerificationCode = "7k2m9p4q8r1s5t3v";
    public const string RejectionReason = "نام پدر در پرونده بایگانی با شناسنامه یکی نیست";

    /// <summary>14:05 in Tehran on ۱۴۰۵/۰۸/۱۲ (3 November 2026).</summary>
    public static readonly DateTime IssuedAtUtc = new(2026, 11, 3, 10, 35, 0, DateTimeKind.Utc);

    public static AnswerLetter Confirmed() => new()
    {
        Id = 1,
        RequestId = 41,
        TrackingCode = RequestBuilder.Code,
        LetterNumber = LetterNumber,
        ProvinceId = 8,
        JalaliYear = 1405,
        Sequence = 12,
        IssuedAtUtc = IssuedAtUtc,
        VerificationCode = VerificationCode,
        SignerUserId = "manager-8",
        SignerName = "محمدرضا نوروزی",
        SignerTitle = "مدیر کل آموزش فنی و حرفه‌ای استان تهران",
        RequesterKind = RequesterKind.Holder,
        ApplicantName = "رضا کاظمی",
        ApplicantFatherName = "حسین",
        ApplicantGender = Gender.Male,
        RequestedTrade = "جوشکاری برق درجه 2",
        RequestedExamYear = 1386,
        Outcome = AnswerOutcome.Confirmed,
        CertificateId = 501,
        CertificateNumber = CertificateNumber,
        CertificateKind = CertificateKind.Certificate,
        HolderName = "رضا کاظمی",
        HolderFatherName = "حسین",
        StandardTitle = "جوشکاری برق درجه 2",
        StandardCode = StandardCode,
        ExamDate = new DateOnly(2007, 6, 1),   // ۱۳۸۶/۰۳/۱۱
        IssueDate = new DateOnly(2007, 7, 1),  // ۱۳۸۶/۰۴/۱۰
        TrainingCenter = "اداره کل آموزش فنی و حرفه‌ای استان تهران",
    };

    public static AnswerLetter NotFound(string? reason = null) => Without(Confirmed(), AnswerOutcome.NotFound, reason);

    public static AnswerLetter Rejected(string reason = RejectionReason) => Without(Confirmed(), AnswerOutcome.Rejected, reason);

    /// <summary>Asked by an organization on the holder's behalf, with its own letter number.</summary>
    public static AnswerLetter ForOrganization(AnswerLetter letter)
    {
        letter.RequesterKind = RequesterKind.Organization;
        letter.OrganizationName = "اداره کل تعاون، کار و رفاه اجتماعی استان تهران";
        letter.OrganizationLetterNumber = "85/1234";
        return letter;
    }

    private static AnswerLetter Without(AnswerLetter letter, AnswerOutcome outcome, string? reason)
    {
        letter.Outcome = outcome;
        letter.OutcomeReason = reason;
        letter.CertificateId = null;
        letter.CertificateNumber = null;
        letter.CertificateKind = null;
        letter.HolderName = null;
        letter.HolderFatherName = null;
        letter.StandardTitle = null;
        letter.StandardCode = null;
        letter.ExamDate = null;
        letter.IssueDate = null;
        letter.TrainingCenter = null;
        return letter;
    }
}
