using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Staff.Account;

/// <summary>The sign-in form. The password is taken exactly as typed; the e-mail is trimmed, its digits made ASCII.</summary>
public sealed class SignInInput
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }

    public void Normalize() => Email = PersianText.NormalizeDigits(Email).Trim();
}
