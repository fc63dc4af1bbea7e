namespace CertificateInquiry.Web.Domain.Agencies;

/// <summary>
/// One client secret of an agency, stored only as a hash. Several are live at once during a rotation: the new one
/// is issued, the agency switches, and the old one ends on its <see cref="ExpiresAtUtc"/> or when revoked.
/// </summary>
public class AgencyClientSecret
{
    public long Id { get; set; }

    public int AgencyClientId { get; set; }

    /// <summary>The secret's SHA-256 hash, in hex: the secret is 256 random bits, so a slow hash would add nothing (ADR-023).</summary>
    public required string Hash { get; set; }

    /// <summary>The first characters of the secret, shown to admins to tell secrets apart; too short to help a guesser.</summary>
    public required string Hint { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ExpiresAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    public bool IsLiveAt(DateTime nowUtc) => RevokedAtUtc is null && (ExpiresAtUtc is null || nowUtc < ExpiresAtUtc);
}
