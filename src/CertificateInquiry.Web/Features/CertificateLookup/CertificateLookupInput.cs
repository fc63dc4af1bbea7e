using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.CertificateLookup;

/// <summary>The certificate lookup form: both keys required.</summary>
public sealed class CertificateLookupInput
{
    public string? NationalCode { get; set; }

    public string? CertificateNumber { get; set; }

    /// <summary>Digits of any script to ASCII, spaces out, Latin letters upper case.</summary>
    public void Normalize()
    {
        NationalCode = PersianText.NormalizeCode(NationalCode);
        CertificateNumber = PersianText.NormalizeCode(CertificateNumber);
    }

    /// <summary>The keys, once normalized, as one string: what a CAPTCHA solution is spent on.</summary>
    public string Keys => CertificateNumber + "\n" + NationalCode;
}
