using CertificateInquiry.Web.Features.Shared.Inquiry;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>What the portal found for one agency query. The name flags are about the holder found; none when nothing was found.</summary>
public sealed record AgencyFinding(IReadOnlyList<CertificateFacts> Certificates, NameMatch? FirstName, NameMatch? LastName)
{
    public bool Verified => Certificates.Count > 0;

    public IEnumerable<long?> CertificateIds => Certificates.Select(c => (long?)c.CertificateId);
}
