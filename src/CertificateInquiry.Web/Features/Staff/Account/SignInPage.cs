namespace CertificateInquiry.Web.Features.Staff.Account;

/// <summary>The sign-in page; <paramref name="RetryHint"/> says when a held-back attempt may be made again.</summary>
public sealed record SignInPage(SignInInput Input, bool SignedOut, string? RetryHint = null);
