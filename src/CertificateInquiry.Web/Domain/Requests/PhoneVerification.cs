namespace CertificateInquiry.Web.Domain.Requests;

/// <summary>A one-time code sent by SMS to confirm that the applicant holds the mobile number of a request.</summary>
public class PhoneVerification
{
    public long Id { get; set; }

    public long RequestId { get; set; }

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
