namespace CertificateInquiry.Web.Domain.Agencies;

/// <summary>
/// A signed client assertion (RFC 7523) that has already bought a token. Kept until it expires, so that the same
/// assertion replayed (its <c>jti</c>) is refused.
/// </summary>
public class SpentClientAssertion
{
    public required string ClientId { get; set; }

    public required string TokenId { get; set; }

    public DateTime ExpiresAtUtc { get; set; }
}
