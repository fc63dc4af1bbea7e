namespace CertificateInquiry.Web.Domain.Agencies;

/// <summary>Why an agency asks: every agency inquiry names one, and the audit keeps it.</summary>
public enum InquiryPurpose
{
    Employment,
    Judicial,
    Education,
    Licensing,
    Other,
}
