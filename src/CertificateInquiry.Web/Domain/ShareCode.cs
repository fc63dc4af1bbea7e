namespace CertificateInquiry.Web.Domain;

/// <summary>
/// A code a holder gives an employer instead of their national code (کد اشتراک): it opens the full record of one of
/// their certificates, or of all of them, until it expires or the holder revokes it. Only a hash of the code is
/// stored; the holder sees the code once, when it is made, and afterwards its last four characters.
/// </summary>
public class ShareCode
{
    public long Id { get; set; }

    public long PersonId { get; set; }

    public Person? Person { get; set; }

    /// <summary>The one certificate the code opens; null for all of the holder's certificates.</summary>
    public long? CertificateId { get; set; }

    public Certificate? Certificate { get; set; }

    /// <summary>SHA-256 of the normalized code, in hex (the code has 59 random bits: a plain hash cannot be reversed by trying).</summary>
    public required string CodeHash { get; set; }

    /// <summary>The code's last four characters, so that the holder can tell their codes apart.</summary>
    public required string Hint { get; set; }

    /// <summary>The holder's own note of whom the code is for; never shown to the one who uses it.</summary>
    public string? Recipient { get; set; }

    /// <summary>The form's one-time key: the same form sent twice (a second tab, a double click) makes one code.</summary>
    public required string CreationKey { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    public int UseCount { get; set; }

    public DateTime? LastUsedAtUtc { get; set; }

    public bool IsUsable(DateTime nowUtc) => RevokedAtUtc is null && ExpiresAtUtc > nowUtc;
}
