using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.CertificateLookup;

/// <summary>The employers' check: the number, and optionally the holder's national code for the full record.</summary>
public sealed class LicenseCheckInput
{
    public string? LicenseNumber { get; set; }

    public string? NationalCode { get; set; }

    public void Normalize()
    {
        LicenseNumber = PersianText.NormalizeCode(LicenseNumber);
        NationalCode = PersianText.NormalizeCode(NationalCode);
    }

    /// <summary>The keys, once normalized, as one string: what a CAPTCHA solution is spent on.</summary>
    public string Keys => LicenseNumber + "\n" + NationalCode;
}
