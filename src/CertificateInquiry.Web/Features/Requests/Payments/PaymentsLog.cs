namespace CertificateInquiry.Web.Features.Requests.Payments;

/// <summary>
/// The log lines of a payment's start and of the gateway's callback, which anyone can post (a forged or replayed
/// callback is logged and changes nothing): source-generated. Event IDs 1200–1249 (see ADR-022).
/// </summary>
internal static partial class PaymentsLog
{
    [LoggerMessage(1200, LogLevel.Warning, "Gateway {Gateway} refused or did not answer payment {PaymentId}")]
    public static partial void GatewayRefusedStart(this ILogger logger, Exception exception, string gateway, long paymentId);

    [LoggerMessage(1201, LogLevel.Information, "Payment {PaymentId} of {AmountRials} rials started for request {RequestId} through {Gateway}")]
    public static partial void PaymentStarted(this ILogger logger, long paymentId, long amountRials, long requestId, string gateway);

    [LoggerMessage(1210, LogLevel.Warning, "Payment callback names no known gateway or no authority")]
    public static partial void CallbackWithoutGateway(this ILogger logger);

    [LoggerMessage(1211, LogLevel.Warning, "Payment callback from {Gateway} with an authority of no payment")]
    public static partial void CallbackOfNoPayment(this ILogger logger, string gateway);

    [LoggerMessage(1212, LogLevel.Warning, "Payment callback for payment {PaymentId} carried no answer of {Gateway}; nothing changed")]
    public static partial void CallbackWithoutAnswer(this ILogger logger, long paymentId, string gateway);

    [LoggerMessage(1220, LogLevel.Warning, "Payment {PaymentId} not verified: request {RequestId} was already paid")]
    public static partial void NotVerifiedAlreadyPaid(this ILogger logger, long paymentId, long requestId);

    [LoggerMessage(1221, LogLevel.Warning, "Payment {PaymentId} could not be verified with {Gateway}; it stays pending")]
    public static partial void VerificationUnanswered(this ILogger logger, Exception exception, long paymentId, string gateway);

    [LoggerMessage(1222, LogLevel.Information, "Payment {PaymentId} of request {RequestId} failed verification")]
    public static partial void VerificationFailed(this ILogger logger, long paymentId, long requestId);

    [LoggerMessage(1223, LogLevel.Information, "Payment {PaymentId} verified; request {RequestId} submitted")]
    public static partial void Verified(this ILogger logger, long paymentId, long requestId);

    [LoggerMessage(1224, LogLevel.Warning, "Payment {PaymentId} was verified but request {RequestId} had already been paid by another payment: refund it")]
    public static partial void VerifiedForPaidRequest(this ILogger logger, long paymentId, long requestId);

    [LoggerMessage(1213, LogLevel.Warning, "Payment callback for payment {PaymentId} from {Gateway} refused: {Reason}; nothing changed")]
    public static partial void CallbackRefused(this ILogger logger, long paymentId, string gateway, string reason);

    [LoggerMessage(1214, LogLevel.Warning, "Payment callback for payment {PaymentId} from {Gateway} names a transaction another payment already holds (a replay); nothing changed")]
    public static partial void TransactionReplayed(this ILogger logger, long paymentId, string gateway);

    [LoggerMessage(1225, LogLevel.Warning, "Payment {PaymentId} was verified but request {RequestId} had already been paid by another payment: reversed at the gateway")]
    public static partial void ReversedForPaidRequest(this ILogger logger, long paymentId, long requestId);

    [LoggerMessage(1226, LogLevel.Error, "Payment {PaymentId} could not be reversed at {Gateway}: refund it by hand")]
    public static partial void ReverseUnanswered(this ILogger logger, Exception exception, long paymentId, string gateway);

    [LoggerMessage(1230, LogLevel.Information, "Reconciliation asked {Gateway} about payment {PaymentId}: {Outcome}")]
    public static partial void Reconciled(this ILogger logger, string gateway, long paymentId, PaymentCompletionStatus outcome);

    [LoggerMessage(1231, LogLevel.Warning, "Reconciliation could not ask {Gateway} about payment {PaymentId}")]
    public static partial void ReconciliationUnanswered(this ILogger logger, Exception exception, string gateway, long paymentId);

    [LoggerMessage(1232, LogLevel.Warning, "Payment {PaymentId} stayed open past {Gateway}'s verification window: failed (the bank returns unverified money)")]
    public static partial void ReconciliationExpired(this ILogger logger, long paymentId, string gateway);

    [LoggerMessage(1233, LogLevel.Error, "Reconciliation pass failed")]
    public static partial void ReconciliationPassFailed(this ILogger logger, Exception exception);
}
