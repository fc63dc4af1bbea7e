namespace CertificateInquiry.Web.Infrastructure.Payments;

/// <summary>
/// A card payment gateway in the manner of Iran's Shaparak gateways (Zarinpal, Sep, Behpardakht): the portal
/// creates a payment and gets the gateway's token for it (the authority), sends the browser to the bank's page, the
/// bank sends the browser back to the callback with some fields, and the portal then asks the gateway itself,
/// server to server, whether that payment was made for the right amount. Nothing the browser brings back is
/// believed until <see cref="VerifyAsync"/> says so; a payment that is never verified is reversed by the bank.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>The name in settings (<c>Payments:Gateway</c>) and in each payment row; at most 32 characters.</summary>
    string Name { get; }

    /// <summary>
    /// The scheme and host of the bank's page when it is not this site, so that the page whose form starts a payment
    /// may send the browser there (the Content-Security-Policy's <c>form-action</c> also governs the redirect).
    /// </summary>
    Uri? PaymentPageOrigin { get; }

    /// <summary>
    /// Registers a payment with the gateway. <see cref="PaymentOrder.OrderId"/> is unique per payment (gateways refuse
    /// a repeated one); <see cref="PaymentOrder.CallbackUrl"/> is where the bank sends the browser back.
    /// Throws <see cref="PaymentGatewayException"/> (or <see cref="HttpRequestException"/>) when the gateway refuses or
    /// cannot be reached.
    /// </summary>
    Task<GatewayPayment> CreateAsync(PaymentOrder order, CancellationToken cancellationToken);

    /// <summary>The authority named in the fields the bank sent back (each gateway calls it differently), if any.</summary>
    string? ReadAuthority(PaymentCallback callback);

    /// <summary>
    /// Checks the callback against what the portal itself sent (amount, order number, terminal), without asking the
    /// gateway: a callback that does not match is <see cref="GatewayCallbackOutcome.Refused"/> and changes nothing.
    /// </summary>
    GatewayCallback ReadCallback(SentPayment payment, PaymentCallback callback);

    /// <summary>
    /// Asks the gateway whether the payment was made for <see cref="SentPayment.AmountRials"/>, and settles it.
    /// <paramref name="transactionId"/> is the one <see cref="ReadCallback"/> or an inquiry found;
    /// <paramref name="callback"/> is the bank's callback when there was one. Verifying a payment already verified
    /// gives the same answer (gateways answer "already verified"). Throws <see cref="PaymentGatewayException"/> (or
    /// <see cref="HttpRequestException"/>) when no answer could be had: then the payment's fate is unknown, not failed.
    /// </summary>
    Task<GatewayVerification> VerifyAsync(SentPayment payment, string? transactionId, PaymentCallback? callback, CancellationToken cancellationToken);
}

/// <summary>
/// A gateway that can give a verified payment back (Sep's ReverseTransaction), for a payment verified for a request
/// that can no longer take it.
/// </summary>
public interface IReversiblePaymentGateway
{
    /// <summary>True when the gateway reversed it (or had already); throws <see cref="PaymentGatewayException"/> when it could not be asked.</summary>
    Task<bool> ReverseAsync(SentPayment payment, string transactionId, CancellationToken cancellationToken);
}

/// <summary>
/// A gateway that can be asked, server to server, what became of a payment whose callback never came (Sep's receipt
/// inquiry by token): what the reconciliation uses.
/// </summary>
public interface IPaymentInquiry
{
    /// <summary>
    /// How long after its creation a payment can still be verified: the payment page's lifetime plus the bank's
    /// verification window. An open payment older than this was never verified, and the bank returns its money.
    /// </summary>
    TimeSpan AnswerWindow { get; }

    /// <summary>The gateway's record of the payment, in the same shape as a callback; throws <see cref="PaymentGatewayException"/> when it could not be asked.</summary>
    Task<GatewayCallback> InquireAsync(SentPayment payment, CancellationToken cancellationToken);
}

/// <summary>
/// What the portal asks a gateway to charge: the amount, where the bank sends the browser back, a description, the
/// order number (the payment's id, unique), and the treasury's payment ID (شناسه واریز) of the fee's tariff year when
/// configured.
/// </summary>
public sealed record PaymentOrder(long AmountRials, string CallbackUrl, string Description, string OrderId, string? TreasuryPaymentId);

/// <summary>What the portal recorded when it sent a payment: what every callback and answer is checked against.</summary>
public sealed record SentPayment(string Authority, string OrderId, long AmountRials);

public enum GatewayCallbackOutcome
{
    /// <summary>The bank says the card was charged; verification decides.</summary>
    Approved,

    /// <summary>The bank says the payment did not happen (cancelled, declined, timed out): the payment fails.</summary>
    Declined,

    /// <summary>The payer is still on the bank's page (an inquiry only): nothing to do yet.</summary>
    InProgress,

    /// <summary>Not the bank's word about this payment (forged, altered, another payment's): nothing changes.</summary>
    Refused,
}

/// <summary>
/// What a callback (or an inquiry) says, once checked against the payment the portal sent: the outcome; the gateway's
/// transaction number (Sep's RefNum) when it gives one before verification; the reason — for a decline the Persian
/// text the payer reads, for a refusal the log's words (never card data).
/// </summary>
public sealed record GatewayCallback(GatewayCallbackOutcome Outcome, string? TransactionId = null, string? Reason = null)
{
    public static GatewayCallback Approved(string? transactionId) => new(GatewayCallbackOutcome.Approved, transactionId);

    public static GatewayCallback Declined(string reason) => new(GatewayCallbackOutcome.Declined, Reason: reason);

    public static GatewayCallback InProgress() => new(GatewayCallbackOutcome.InProgress);

    public static GatewayCallback Refused(string reason) => new(GatewayCallbackOutcome.Refused, Reason: reason);
}

/// <summary>A payment the gateway registered: its token and the bank page to send the browser to.</summary>
public sealed record GatewayPayment(string Authority, string PaymentPageUrl);

/// <summary>
/// The gateway's answer to a verification: the bank's reference number, or why it failed (in Persian); or that the
/// callback carried no answer the gateway stands behind (<see cref="NoAnswer"/>), which must change nothing.
/// </summary>
public sealed record GatewayVerification
{
    private GatewayVerification(string? referenceNumber, string? failureReason, bool isAnswer = true)
    {
        ReferenceNumber = referenceNumber;
        FailureReason = failureReason;
        IsAnswer = isAnswer;
    }

    public bool IsVerified => ReferenceNumber is not null;

    /// <summary>
    /// False when the callback held no answer of the gateway about this payment (none at all, a forged or altered
    /// one, one about another payment): a visit, not the bank's word. The payment then stays as it was, so that the
    /// real answer, when it comes, still counts.
    /// </summary>
    public bool IsAnswer { get; }

    /// <summary>شماره پیگیری بانک.</summary>
    public string? ReferenceNumber { get; }

    public string? FailureReason { get; }

    public static GatewayVerification Verified(string referenceNumber)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(referenceNumber);
        return new(referenceNumber, null);
    }

    public static GatewayVerification Failed(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(null, reason);
    }

    /// <summary>The callback carries no answer of the gateway about this payment; <paramref name="reason"/> is for the log.</summary>
    public static GatewayVerification NoAnswer(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(null, reason, isAnswer: false);
    }
}

/// <summary>The gateway refused a request or gave no usable answer.</summary>
public sealed class PaymentGatewayException : Exception
{
    public PaymentGatewayException()
    {
    }

    public PaymentGatewayException(string message)
        : base(message)
    {
    }

    public PaymentGatewayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
