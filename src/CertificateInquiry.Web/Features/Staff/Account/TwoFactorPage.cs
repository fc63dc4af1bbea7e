namespace CertificateInquiry.Web.Features.Staff.Account;

public sealed record TwoFactorPage(string? ReturnUrl, string? RetryHint = null);
