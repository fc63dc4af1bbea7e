using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Requests.Form;

/// <summary>Step 1: who the applicant is and how to reach them.</summary>
public sealed class ApplicantInput
{
    /// <summary><see cref="ApplicantIdentity.Iranian"/> or <see cref="ApplicantIdentity.Foreign"/>, by name.</summary>
    public string? IdentityKind { get; set; }

    /// <summary>The national code (Iranian) or the unique identifier (foreign national).</summary>
    public string? NationalCode { get; set; }

    /// <summary>A foreign applicant's nationality: an ISO 3166-1 alpha-2 code from <see cref="Countries"/>.</summary>
    public string? Nationality { get; set; }

    /// <summary>The passport or residence-card number on a foreign national's paper certificate (optional).</summary>
    public string? IdentityDocumentNumber { get; set; }

    public bool IsForeign => IdentityKind == nameof(ApplicantIdentity.Foreign);

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
        // A post without the choice (an older page) is an Iranian's; anything but the two names is refused by the validator.
        IdentityKind = string.IsNullOrWhiteSpace(IdentityKind) ? nameof(ApplicantIdentity.Iranian) : IdentityKind.Trim();
        NationalCode = PersianText.NormalizeCode(NationalCode);
        Nationality = PersianText.NormalizeCode(Nationality).ToUpperInvariant();
        IdentityDocumentNumber = PersianText.NormalizeCode(IdentityDocumentNumber);
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
        // A draft started from a failed lookup with a 12-digit identifier is a foreign national's.
        IdentityKind = (request.IsForeignNational || HolderIdentifier.IsForeign(request.NationalCode) ? ApplicantIdentity.Foreign : ApplicantIdentity.Iranian).ToString(),
        NationalCode = request.NationalCode,
        Nationality = request.Nationality,
        IdentityDocumentNumber = request.IdentityDocumentNumber,
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
        request.Nationality = IsForeign ? Nationality : null;
        request.IdentityDocumentNumber = IsForeign && !string.IsNullOrEmpty(IdentityDocumentNumber) ? IdentityDocumentNumber : null;
        if (IsForeign)
        {
            // Shahkar knows only Iranian national codes: a foreign applicant's mobile is never checked with it.
            request.MobileOwnership = MobileOwnership.NotChecked;
        }

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
