namespace CertificateInquiry.Web.Domain;

public enum NotificationChannel
{
    Sms,
    Email,
}

/// <summary>
/// A notification waiting to be sent. It is written in the same transaction as the change it reports, so a
/// crash can neither lose it nor send it for a change that was rolled back; the dispatcher sends it later.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }

    public NotificationChannel Channel { get; set; }

    /// <summary>A mobile number or an email address.</summary>
    public required string Recipient { get; set; }

    public string? Subject { get; set; }

    public required string Body { get; set; }

    /// <summary>The request it is about, if any.</summary>
    public long? RequestId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Not sent before this time: retries back off.</summary>
    public DateTime NextAttemptAtUtc { get; set; }

    /// <summary>A dispatcher that claimed the message holds it until then; after that another may take it over.</summary>
    public DateTime? LeasedUntilUtc { get; set; }

    public int Attempts { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>Set when the dispatcher gave up after its last retry.</summary>
    public DateTime? AbandonedAtUtc { get; set; }

    public string? LastError { get; set; }

    /// <summary>What the SMS operator last said about a sent text message; <see cref="SmsDelivery.Unknown"/> until asked.</summary>
    public SmsDelivery Delivery { get; set; }

    /// <summary>When the operator was last asked about delivery; null before the first check.</summary>
    public DateTime? DeliveryCheckedAtUtc { get; set; }
}

/// <summary>A text message's fate as its operator reports it.</summary>
public enum SmsDelivery
{
    /// <summary>Not asked yet, or the operator (the development log) keeps no reports.</summary>
    Unknown,

    /// <summary>With the operator or the telecom network, not yet on the phone.</summary>
    Pending,

    Delivered,

    /// <summary>The network could not deliver it (phone off for too long, number blocked, refused by the operator's filter).</summary>
    Failed,
}
