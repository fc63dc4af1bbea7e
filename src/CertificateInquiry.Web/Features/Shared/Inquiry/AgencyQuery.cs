namespace CertificateInquiry.Web.Features.Shared.Inquiry;

/// <summary>
/// One agency inquiry's keys, normalized and validated: a national code, and a certificate number unless the agency
/// asks for every certificate of the person (inquiry.person); the names, if supplied, are only compared.
/// </summary>
public sealed record AgencyQuery(string NationalCode, string? CertificateNumber, string? FirstName, string? LastName);
