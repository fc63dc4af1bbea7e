using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Requests.Letters;

/// <summary>
/// The words of an answer letter, from what the letter recorded when it was issued: its addressee, subject and
/// paragraphs. Persian text gets Persian digits; codes (tracking code, certificate and standard numbers, the
/// organization's letter number) stay as typed, as on the portal's pages.
/// </summary>
public static class AnswerLetterText
{
    public const string Subject = "پاسخ استعلام گواهینامه مهارت پیش از سال ۱۳۹۲";

    public const string Salutation = "با سلام و احترام،";

    public const string NoAttachment = "ندارد";

    /// <summary>اداره کل آموزش فنی و حرفه‌ای استان X: the issuing general directorate.</summary>
    public static string Directorate(string provinceName) => CertificateDisclosure.IssuingOffice(provinceName);

    /// <summary>«جناب آقای رضا کاظمی», «سرکار خانم …», or the organization that asked.</summary>
    public static string Addressee(AnswerLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        if (letter is { RequesterKind: RequesterKind.Organization, OrganizationName: { Length: > 0 } organization })
        {
            return Persian(organization);
        }

        var honorific = letter.ApplicantGender switch
        {
            Gender.Male => "جناب آقای ",
            Gender.Female => "سرکار خانم ",
            _ => string.Empty,
        };
        return honorific + Persian(letter.ApplicantName);
    }

    /// <summary>The body: what was asked, then the finding, one string per paragraph.</summary>
    public static IReadOnlyList<string> Paragraphs(AnswerLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var paragraphs = new List<string> { Reference(letter) };
        switch (letter.Outcome)
        {
            case AnswerOutcome.Confirmed:
                var kind = CertificateTitles.Kind(letter.CertificateKind ?? CertificateKind.Certificate);
                paragraphs.Add(
                    $"{kind} شماره {letter.CertificateNumber} به نام {Persian(letter.HolderName)} فرزند {Persian(letter.HolderFatherName)}، "
                    + (letter.HolderNationality is { } nationality ? $"تبعه {Countries.NameOf(nationality)}، " : string.Empty)
                    + $"در استاندارد آموزشی «{Persian(letter.StandardTitle)}» به کد {letter.StandardCode}، "
                    + $"با تاریخ آزمون {PersianDate(letter.ExamDate)} و تاریخ صدور {PersianDate(letter.IssueDate)}، "
                    + (CertificateDisclosure.PublicIssuer(letter.TrainingCenter) is { } issuer ? $"صادرشده در {Persian(issuer)}، " : string.Empty)
                    + "در بایگانی این اداره کل موجود است و اصالت آن تأیید می‌شود.");
                paragraphs.Add(
                    $"مشخصات این {kind} در سامانه سازمان ثبت شد و از این پس در درگاه استعلام گواهینامه‌های مهارت، "
                    + $"با {HolderIdentifier.Label(letter.HolderNationality is not null)} دارنده و شماره {kind}، به‌صورت برخط قابل استعلام است.");
                break;
            case AnswerOutcome.NotFound:
                paragraphs.Add("گواهینامه‌ای با مشخصات اعلام‌شده در بایگانی این اداره کل یافت نشد."
                    + (string.IsNullOrWhiteSpace(letter.OutcomeReason) ? string.Empty : " توضیح: " + Persian(letter.OutcomeReason)));
                paragraphs.Add(
                    "چنانچه مدرک یا نشانی دیگری از این گواهینامه در دست باشد (مانند تصویر گواهینامه یا نام دقیق مرکز آموزشی)، "
                    + "می‌توان با آن مدارک درخواست تازه‌ای ثبت کرد.");
                break;
            case AnswerOutcome.Rejected:
                paragraphs.Add("درخواست یادشده به دلیل زیر پذیرفته نشد: " + Persian(letter.OutcomeReason));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(letter), letter.Outcome, "Unknown outcome.");
        }

        return paragraphs;
    }

    // «بازگشت به …»: the request (or the organization's letter) this answers, and what it asked about.
    private static string Reference(AnswerLetter letter)
    {
        var trade = $"حرفه «{Persian(letter.RequestedTrade)}»"
            + (letter.RequestedExamYear is { } year ? " با سال آزمون " + PersianText.ToPersianDigits(year) : string.Empty);
        const string Finding = "به آگاهی می‌رساند سوابق بایگانی این اداره کل بررسی شد و نتیجه به شرح زیر است:";
        if (letter.RequesterKind == RequesterKind.Organization)
        {
            var person = letter.ApplicantGender switch
            {
                Gender.Male => "آقای ",
                Gender.Female => "خانم ",
                _ => string.Empty,
            } + Persian(letter.ApplicantName)
              + (string.IsNullOrWhiteSpace(letter.ApplicantFatherName) ? string.Empty : " فرزند " + Persian(letter.ApplicantFatherName));
            var asked = string.IsNullOrWhiteSpace(letter.OrganizationLetterNumber)
                ? "بازگشت به درخواست آن سازمان"
                : "بازگشت به نامه شماره " + letter.OrganizationLetterNumber;
            return $"احتراماً، {asked} درباره استعلام گواهینامه مهارت {person} در {trade}، "
                + $"که با کد رهگیری {letter.TrackingCode} در درگاه استعلام گواهینامه‌های مهارت ثبت شده است، {Finding}";
        }

        return $"احتراماً، بازگشت به درخواست شما به کد رهگیری {letter.TrackingCode} درباره گواهینامه مهارت {trade}، {Finding}";
    }

    /// <summary>The letter's date: its day of issue in Iran, Jalali, Persian digits.</summary>
    public static string Date(AnswerLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return JalaliDate.FormatPersian(DateOnly.FromDateTime(IranTime.ToIranTime(letter.IssuedAtUtc)));
    }

    private static string PersianDate(DateOnly? date) => date is { } value ? JalaliDate.FormatPersian(value) : "—";

    private static string Persian(string? text) => string.IsNullOrWhiteSpace(text) ? "—" : PersianText.ToPersianDigits(text);
}
