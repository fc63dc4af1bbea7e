using System.ComponentModel;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>The JSON body of <c>POST /api/v1/inquiries</c>, as sent: every field is checked and normalized before use.</summary>
public sealed class InquiryInput
{
    [Description("The holder's identifier, in any digit script: an Iranian national code (10 digits with a valid check digit) or a foreign national's unique identifier (کد یکتای اتباع: 12 digits, not all equal). 12 digits are read as a foreign national's identifier.")]
    public string? NationalCode { get; init; }

    [Description("The certificate or license number. Required, except for clients with the inquiry.person scope, who may leave it out to get every certificate of the national code.")]
    public string? CertificateNumber { get; init; }

    [Description("Optional: the holder's first name as the agency knows it. The answer says only match or mismatch.")]
    public string? FirstName { get; init; }

    [Description("Optional: the holder's last name as the agency knows it. The answer says only match or mismatch.")]
    public string? LastName { get; init; }

    [Description("Why the agency asks: employment, judicial, education, licensing or other (or the X-Inquiry-Purpose header).")]
    public string? Purpose { get; init; }

    [Description("The agency's own case or file number, 1 to 64 characters (or the X-Case-Reference header).")]
    public string? CaseReference { get; init; }

    [Description("The ID, at the agency, of the officer asking, 1 to 64 characters (or the X-Officer-Id header).")]
    public string? OfficerId { get; init; }

    [Description("Optional: true when the holder must not learn of this inquiry at once. Holders see who checked them; a confidential inquiry, like every judicial one, is shown to the holder only after the delay set for its purpose (90 days unless the portal's operators set otherwise).")]
    public bool? Confidential { get; init; }
}
