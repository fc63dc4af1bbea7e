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

public sealed record SignInPage(SignInInput Input, bool SignedOut);

public sealed record TwoFactorPage(string? ReturnUrl);

/// <summary>The set-up page: the shared key as text (grouped) and as a QR code, and the form for the first code.</summary>
public sealed record TwoFactorSetupPage(string FormattedKey, string QrCodeDataUri, bool IsNationalAdmin);

/// <summary>Shown once, right after two-factor sign-in is turned on.</summary>
public sealed record RecoveryCodesPage(IReadOnlyList<string> Codes);
