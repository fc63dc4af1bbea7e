namespace CertificateInquiry.Web.Features.Agencies;

/// <summary>What an agency is handed once: its client id and a new secret. The secret is never stored or shown again.</summary>
public sealed record IssuedCredentials(int AgencyId, string ClientId, string ClientSecret);
