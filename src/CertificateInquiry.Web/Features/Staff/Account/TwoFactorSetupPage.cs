namespace CertificateInquiry.Web.Features.Staff.Account;

/// <summary>
/// The set-up page: the shared key as text (grouped) and as a QR code, and the form for the first code;
/// <paramref name="IsRequired"/> for the roles that must use it.
/// </summary>
public sealed record TwoFactorSetupPage(string FormattedKey, string QrCodeDataUri, bool IsRequired);
