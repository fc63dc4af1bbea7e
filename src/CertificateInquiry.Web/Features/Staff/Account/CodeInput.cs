using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Staff.Account;

/// <summary>A code typed from an authenticator app or a recovery code: any digit script, spaces ignored.</summary>
public sealed class CodeInput
{
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }

    public void Normalize() => Code = PersianText.NormalizeCode(Code);
}
