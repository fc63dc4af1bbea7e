namespace CertificateInquiry.Web.Features.Staff.Account;

/// <summary>Shown once, right after two-factor sign-in is turned on.</summary>
public sealed record RecoveryCodesPage(IReadOnlyList<string> Codes);
