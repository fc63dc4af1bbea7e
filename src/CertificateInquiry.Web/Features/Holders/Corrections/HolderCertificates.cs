using CertificateInquiry.Web.Domain;

namespace CertificateInquiry.Web.Features.Holders.Corrections;

/// <summary>
/// The named query «the certificates under this holder's identifier» (<see cref="HolderClaims.HolderIdentifier"/>):
/// every holder page narrows its reads by it, so that another person's certificate number in a URL finds nothing.
/// </summary>
public static class HolderCertificates
{
    /// <summary>
    /// <paramref name="certificates"/> of the holder. The identifier is matched against the person's national code,
    /// where the import and the request form put the foreign national's identifier too (issue 14, item 1).
    /// </summary>
    public static IQueryable<Certificate> Of(IQueryable<Certificate> certificates, string identifier) =>
        certificates.Where(c => c.Person!.NationalCode == identifier);
}
