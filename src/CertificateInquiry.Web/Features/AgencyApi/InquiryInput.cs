namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>The JSON body of <c>POST /api/v1/inquiries</c>, as sent: every field is checked and normalized before use.</summary>
public sealed record InquiryInput(
    string? NationalCode,
    string? CertificateNumber,
    string? FirstName,
    string? LastName,
    string? Purpose,
    string? CaseReference,
    string? OfficerId);
