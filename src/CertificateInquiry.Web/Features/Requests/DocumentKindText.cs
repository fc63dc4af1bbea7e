using CertificateInquiry.Web.Domain.Requests;

namespace CertificateInquiry.Web.Features.Requests;

/// <summary>The Persian names of the documents a request carries, as the seed lists them.</summary>
public static class DocumentKindText
{
    public static string Title(DocumentKind kind) => kind switch
    {
        DocumentKind.NationalCard => "کارت ملی",
        DocumentKind.BirthCertificate => "شناسنامه",
        DocumentKind.EducationDegree => "آخرین مدرک تحصیلی",
        DocumentKind.MilitaryService => "کارت پایان خدمت یا معافیت",
        DocumentKind.Prerequisite => "مدرک پیش‌نیاز یا مدرک تحصیلی مرتبط",
        DocumentKind.PaperCertificate => "تصویر گواهینامه کاغذی",
        DocumentKind.Additional => "مدرک تکمیلی",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The title an applicant sees: a foreign national has a residence card or passport in place of the national card.</summary>
    public static string Title(DocumentKind kind, bool foreignNational) =>
        foreignNational && kind == DocumentKind.NationalCard ? "کارت اقامت (آمایش) یا گذرنامه" : Title(kind);
}
