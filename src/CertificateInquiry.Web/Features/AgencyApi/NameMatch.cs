namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>How a name an agency supplied compares with the holder's: never the stored name itself.</summary>
public enum NameMatch
{
    NotSupplied,
    Match,
    Mismatch,
}
