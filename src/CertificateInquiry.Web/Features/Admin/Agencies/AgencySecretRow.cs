namespace CertificateInquiry.Web.Features.Admin.Agencies;

/// <summary>One of an agency's secrets as its page lists it: the hint (its first characters) and dates; never the hash.</summary>
public sealed record AgencySecretRow(long Id, string Hint, DateTime CreatedAtUtc, DateTime? ExpiresAtUtc, DateTime? RevokedAtUtc)
{
    public bool IsLiveAt(DateTime nowUtc) => RevokedAtUtc is null && (ExpiresAtUtc is null || nowUtc < ExpiresAtUtc);
}
