using CertificateInquiry.Web.Features.Shared.Inquiry;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// What the portal found for one agency query. The name flags are about the holder found; none when nothing was found.
/// <see cref="Nationality"/> is a foreign holder's nationality (ISO 3166-1 alpha-2), null for an Iranian.
/// </summary>
public sealed record AgencyFinding(IReadOnlyList<CertificateFacts> Certificates, NameMatch? FirstName, NameMatch? LastName, string? Nationality = null)
{
    public bool Verified => Certificates.Count > 0;

    public IEnumerable<long?> CertificateIds => Certificates.Select(c => (long?)c.CertificateId);
}
