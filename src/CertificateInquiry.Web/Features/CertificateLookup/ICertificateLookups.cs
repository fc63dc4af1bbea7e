using CertificateInquiry.Web.Features.Shared.Inquiry;

namespace CertificateInquiry.Web.Features.CertificateLookup;

/// <summary>The online inquiry's reads, the portal's busiest queries. Keys arrive normalized and validated.</summary>
public interface ICertificateLookups
{
    Task<CertificateRecord?> FindAsync(string certificateNumber, string nationalCode);

    Task<CertificateRecord?> FindByNumberAsync(string certificateNumber);

    Task<CertificateRecord?> FindByVerificationCodeAsync(string verificationCode);

    /// <summary>Every certificate and license of one national code, oldest first (agencies with the inquiry.person scope).</summary>
    Task<IReadOnlyList<CertificateRecord>> FindAllByNationalCodeAsync(string nationalCode);
}
