namespace CertificateInquiry.Web.Domain.Requests;

/// <summary>
/// Where a payment stands (ADR-030). The names stored before the state machine keep their meaning: Pending is
/// "requested" (the gateway gave a token, no callback yet) and Paid is "verified".
/// </summary>
public enum PaymentStatus
{
    /// <summary>Requested: the gateway registered it and the browser was sent to the bank.</summary>
    Pending,

    /// <summary>Verified by the gateway and applied to the request (Shaparak gateways settle on verify).</summary>
    Paid,

    /// <summary>Declined, cancelled, expired or refused by verification; or verified but not applied and not reversed (a refund case).</summary>
    Failed,

    /// <summary>The bank's callback passed the portal's checks and its transaction number is recorded; verification is next.</summary>
    CallbackReceived,

    /// <summary>Verified at the bank, but the request could not take it (already paid, no longer a draft): the portal reversed it.</summary>
    Reversed,
}

/// <summary>
/// The payment state machine, written once: which states a payment may leave for each state. Every change of a
/// payment's status is one conditional UPDATE from these states (RequestPayments), so two callbacks, a callback and
/// the reconciliation, or two servers can never both move it.
/// </summary>
public static class PaymentTransitions
{
    /// <summary>The states from which a payment may move to <paramref name="to"/>; empty for none.</summary>
    public static IReadOnlyList<PaymentStatus> From(PaymentStatus to) => to switch
    {
        PaymentStatus.CallbackReceived => [PaymentStatus.Pending],
        PaymentStatus.Paid => [PaymentStatus.Pending, PaymentStatus.CallbackReceived],
        PaymentStatus.Failed => [PaymentStatus.Pending, PaymentStatus.CallbackReceived],
        PaymentStatus.Reversed => [PaymentStatus.Pending, PaymentStatus.CallbackReceived],
        _ => [],
    };

    /// <summary>Still open: the bank may yet have taken the money, and the reconciliation asks about it.</summary>
    public static bool IsOpen(PaymentStatus status) => status is PaymentStatus.Pending or PaymentStatus.CallbackReceived;
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

    /// <summary>
    /// The gateway's number for the card transaction, from its callback (Sep's RefNum); unique per gateway, so a
    /// callback replayed onto another payment is refused by the database itself.
    /// </summary>
    public string? GatewayTransactionId { get; set; }

    /// <summary>The treasury's payment ID (شناسه واریز) of the tariff year, sent with the payment.</summary>
    public string? TreasuryPaymentId { get; set; }

    public DateTime? CallbackReceivedAtUtc { get; set; }

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
