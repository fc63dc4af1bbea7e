namespace CertificateInquiry.Web.Domain.Agencies;

/// <summary>Who an agency client is: a public body (the Judiciary, Education) or a business (a bank, an employers' association).</summary>
public enum AgencyKind
{
    Government,
    Business,
}
