using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Requests.Form;

/// <summary>The steps of the request form, in order.</summary>
public enum FormStep
{
    Applicant,
    Mobile,
    Certificate,
    Documents,
    Review,
}

/// <summary>What a draft still lacks before it can be paid and submitted, step by step.</summary>
public static class RequestCompleteness
{
    public static IReadOnlyList<(FormStep Step, string Message)> Missing(InquiryRequest request)
    {
        var missing = new List<(FormStep, string)>();
        if (request.NationalCode is null || request.FirstName is null || request.Gender is null || request.Mobile is null)
        {
            missing.Add((FormStep.Applicant, "مشخصات متقاضی کامل نیست."));
        }
        else if (request.IsForeignNational && !HolderIdentifier.IsValidForeignId(request.NationalCode))
        {
            missing.Add((FormStep.Applicant, "کد یکتای اتباع متقاضی درست نیست."));
        }
        else if (request.MobileConfirmedAtUtc is null)
        {
            missing.Add((FormStep.Mobile, "شماره تلفن همراه هنوز با کد پیامکی تأیید نشده است."));
        }

        if (request.ExamYear is null || request.ProvinceId is null || (request.StandardId is null && request.TradeText is null))
        {
            missing.Add((FormStep.Certificate, "مشخصات گواهینامه کامل نیست."));
        }

        foreach (var kind in MissingDocuments(request))
        {
            missing.Add((FormStep.Documents, "تصویر «" + DocumentKindText.Title(kind, request.IsForeignNational) + "» بارگذاری نشده است."));
        }

        return missing;
    }

    public static IEnumerable<DocumentKind> MissingDocuments(InquiryRequest request) =>
        RequiredDocuments(request).Where(kind => request.Documents.All(document => document.Kind != kind));

    /// <summary>Before the applicant has said whether they are a man, the military card is not asked for yet.</summary>
    public static IReadOnlyList<DocumentKind> RequiredDocuments(InquiryRequest request) =>
        request.RequiredDocuments(request.Standard?.RequiresPrerequisite == true);
}
