using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Requests.Form;

/// <summary>Step 1: who the applicant is and how to reach them.</summary>
public sealed class ApplicantInput
{
    public string? NationalCode { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? FatherName { get; set; }

    /// <summary>Jalali, typed: 1365/04/21 in any digit script.</summary>
    public string? BirthDate { get; set; }

    public string? Gender { get; set; }

    public string? Mobile { get; set; }

    public string? Email { get; set; }

    public string? RequesterKind { get; set; }

    public string? OrganizationName { get; set; }

    public string? OrganizationLetterNumber { get; set; }

    public void Normalize()
    {
        NationalCode = PersianText.NormalizeCode(NationalCode);
        FirstName = PersianText.Normalize(FirstName);
        LastName = PersianText.Normalize(LastName);
        FatherName = PersianText.Normalize(FatherName);
        BirthDate = PersianText.NormalizeCode(BirthDate);
        Mobile = MobileNumber.Normalize(Mobile);
        Email = PersianText.NormalizeDigits(Email).Trim();
        OrganizationName = PersianText.Normalize(OrganizationName);
        OrganizationLetterNumber = PersianText.Normalize(OrganizationLetterNumber);
    }

    public static ApplicantInput From(InquiryRequest request) => new()
    {
        NationalCode = request.NationalCode,
        FirstName = request.FirstName,
        LastName = request.LastName,
        FatherName = request.FatherName,
        BirthDate = request.BirthDate is { } birth ? JalaliDate.Format(birth) : null,
        Gender = request.Gender?.ToString(),
        Mobile = request.Mobile,
        Email = request.Email,
        // A new draft starts with the holder filing (the usual case); an organisation is chosen explicitly.
        RequesterKind = request.RequesterKind.ToString(),
        OrganizationName = request.OrganizationName,
        OrganizationLetterNumber = request.OrganizationLetterNumber,
    };

    /// <summary>Copies the (validated) answers onto the draft. A changed mobile number must be confirmed again.</summary>
    public void ApplyTo(InquiryRequest request)
    {
        request.NationalCode = NationalCode;
        request.FirstName = FirstName;
        request.LastName = LastName;
        request.FatherName = FatherName;
        request.BirthDate = JalaliDate.TryParse(BirthDate, out var birth) ? birth : null;
        request.Gender = Enum.Parse<Gender>(Gender!);
        if (request.Mobile != Mobile)
        {
            request.MobileConfirmedAtUtc = null;
        }

        request.Mobile = Mobile;
        request.Email = string.IsNullOrEmpty(Email) ? null : Email;
        request.RequesterKind = Enum.Parse<RequesterKind>(RequesterKind!);
        var forOrganization = request.RequesterKind == Domain.Requests.RequesterKind.Organization;
        request.OrganizationName = forOrganization ? OrganizationName : null;
        request.OrganizationLetterNumber = forOrganization ? OrganizationLetterNumber : null;
    }
}
