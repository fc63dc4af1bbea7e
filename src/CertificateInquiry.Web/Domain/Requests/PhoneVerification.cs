namespace CertificateInquiry.Web.Domain.Requests;

/// <summary>
/// A one-time code sent by SMS to confirm that a person holds a mobile number: the applicant of a request
/// (<see cref="RequestId"/>), or a holder signing in to their own area (<see cref="HolderKey"/>, docs/decisions/ADR-032).
/// </summary>
public class PhoneVerification
{
    public long Id { get; set; }

    /// <summary>The request whose applicant the code is for; null for a holder's sign-in code.</summary>
    public long? RequestId { get; set; }

    /// <summary>For a holder's sign-in code: the keyed hash of their identifier (never the identifier itself); else null.</summary>
    public string? HolderKey { get; set; }

    public required string Mobile { get; set; }

    /// <summary>HMAC of the code; the code itself is never stored.</summary>
    public required string CodeHash { get; set; }

    public DateTime SentAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>How many codes have been sent for this request and number (first send included).</summary>
    public int SendCount { get; set; }

    public int FailedAttempts { get; set; }

    public DateTime? ConfirmedAtUtc { get; set; }
}
