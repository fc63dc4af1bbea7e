using CertificateInquiry.Web.Features.Requests.Form;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Holders.Account;

/// <summary>The first step of the sign-in by code: who the holder is and which mobile the code goes to.</summary>
public sealed class MobileSignInInput
{
    /// <summary>A national code or a foreign national's identifier, digits in any script.</summary>
    public string? Identifier { get; set; }

    public string? Mobile { get; set; }

    public string? ReturnUrl { get; set; }

    public void Normalize()
    {
        Identifier = PersianText.NormalizeCode(Identifier);
        Mobile = MobileNumber.Normalize(Mobile);
    }
}
