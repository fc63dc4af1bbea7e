namespace CertificateInquiry.Web.Features.Holders.Account;

/// <summary>A signed-in holder on the sign-in page: who they are (their identifier, in Persian digits) and how to sign out.</summary>
public sealed record HolderSignedInPage(string IdentifierLabel, string Identifier, HolderSignInMethod Method);
