namespace CertificateInquiry.Web.Features.Requests.Form;

/// <summary>Whether the applicant is an Iranian (national code) or a foreign national (unique identifier and nationality).</summary>
public enum ApplicantIdentity
{
    Iranian,
    Foreign,
}
