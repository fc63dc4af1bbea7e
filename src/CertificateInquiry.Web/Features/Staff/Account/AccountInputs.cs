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

/// <summary>A code typed from an authenticator app or a recovery code: any digit script, spaces ignored.</summary>
public sealed class CodeInput
{
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }

    public void Normalize() => Code = PersianText.NormalizeCode(Code);
}

/// <summary>The sign-in page; <paramref name="RetryHint"/> says when a held-back attempt may be made again.</summary>
public sealed record SignInPage(SignInInput Input, bool SignedOut, string? RetryHint = null);

public sealed record TwoFactorPage(string? ReturnUrl, string? RetryHint = null);

/// <summary>
/// The set-up page: the shared key as text (grouped) and as a QR code, and the form for the first code;
/// <paramref name="IsRequired"/> for the roles that must use it.
/// </summary>
public sealed record TwoFactorSetupPage(string FormattedKey, string QrCodeDataUri, bool IsRequired);

/// <summary>Shown once, right after two-factor sign-in is turned on.</summary>
public sealed record RecoveryCodesPage(IReadOnlyList<string> Codes);
