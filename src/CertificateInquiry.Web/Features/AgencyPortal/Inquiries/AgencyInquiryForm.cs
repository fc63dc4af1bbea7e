using CertificateInquiry.Web.Features.AgencyApi;

namespace CertificateInquiry.Web.Features.AgencyPortal.Inquiries;

/// <summary>
/// The single-inquiry form of the agency portal, as posted: the same fields as the API's body, checked and normalized
/// by the same rules (<see cref="AgencyInquiries"/>). The officer ID is optional on the portal: left empty, the signed-in
/// member's portal account stands for the officer (<see cref="PortalOfficerId"/>).
/// </summary>
public sealed class AgencyInquiryForm
{
    public string? NationalCode { get; set; }

    public string? CertificateNumber { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Purpose { get; set; }

    public string? CaseReference { get; set; }

    public string? OfficerId { get; set; }

    /// <summary>The box «محرمانه»: the holder learns of this inquiry only after its purpose's delay.</summary>
    public bool Confidential { get; set; }

    /// <summary>The officer ID the audit records for a member who typed none: their portal account's id, marked as such.</summary>
    public static string PortalOfficerId(string userId) => "portal:" + userId;

    public InquiryInput ToInput(string userId) => new()
    {
        NationalCode = NationalCode,
        CertificateNumber = CertificateNumber,
        FirstName = FirstName,
        LastName = LastName,
        Purpose = Purpose ?? string.Empty,
        CaseReference = CaseReference ?? string.Empty,
        OfficerId = string.IsNullOrWhiteSpace(OfficerId) ? PortalOfficerId(userId) : OfficerId,
        Confidential = Confidential,
    };

    /// <summary>The form's field for an error of the API's rules (<c>nationalCode</c> → <c>NationalCode</c>).</summary>
    public static string FieldOf(string apiField) =>
        apiField.Length == 0 ? string.Empty : char.ToUpperInvariant(apiField[0]) + apiField[1..];
}
