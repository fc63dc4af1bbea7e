namespace CertificateInquiry.Web.Domain.Requests;

public enum PaymentStatus
{
    Pending,
    Paid,
    Failed,
}

/// <summary>One attempt to pay a request's fee through a card gateway.</summary>
public class Payment
{
    public long Id { get; set; }

    public long RequestId { get; set; }

    /// <summary>In rials, from the tariff of the year the payment was started.</summary>
    public long AmountRials { get; set; }

    /// <summary>The gateway's name in settings, e.g. "sandbox".</summary>
    public required string Gateway { get; set; }

    /// <summary>The gateway's token for this payment (authority); unique per gateway.</summary>
    public string? Authority { get; set; }

    public PaymentStatus Status { get; set; }

    /// <summary>The bank's reference number once verified (شماره پیگیری بانک).</summary>
    public string? ReferenceNumber { get; set; }

    public string? FailureReason { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? CompletedAtUtc { get; set; }
}

/// <summary>The fee for a paper-era inquiry in one Jalali year, set by a national admin.</summary>
public class FeeTariff
{
    public int JalaliYear { get; set; }

    public long AmountRials { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}
