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
    /// Registers a payment with the gateway. <paramref name="orderId"/> is unique per payment (gateways refuse a
    /// repeated one); <paramref name="callbackUrl"/> is where the bank sends the browser back.
    /// Throws <see cref="PaymentGatewayException"/> (or <see cref="HttpRequestException"/>) when the gateway refuses or
    /// cannot be reached.
    /// </summary>
    Task<GatewayPayment> CreateAsync(long amountRials, string callbackUrl, string description, string orderId, CancellationToken cancellationToken);

    /// <summary>The authority named in the fields the bank sent back (each gateway calls it differently), if any.</summary>
    string? ReadAuthority(PaymentCallback callback);

    /// <summary>
    /// Asks the gateway whether the payment <paramref name="authority"/> was made for <paramref name="amountRials"/>,
    /// and settles it. Verifying a payment already verified gives the same answer (gateways answer "already verified").
    /// Throws <see cref="PaymentGatewayException"/> (or <see cref="HttpRequestException"/>) when no answer could be had:
    /// then the payment's fate is unknown, not failed.
    /// </summary>
    Task<GatewayVerification> VerifyAsync(string authority, long amountRials, PaymentCallback callback, CancellationToken cancellationToken);
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
