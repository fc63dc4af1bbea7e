using System.Globalization;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Notifications;
using CertificateInquiry.Web.Infrastructure.Payments;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Requests.Payments;

public enum PaymentStartStatus
{
    /// <summary>A payment was created: send the browser to <see cref="PaymentStart.GatewayPageUrl"/>.</summary>
    SendToGateway,

    /// <summary>The request is no longer a draft or already has a paid payment: nothing was created.</summary>
    AlreadyPaid,

    /// <summary>No tariff for this year: nothing was created.</summary>
    NoFee,

    /// <summary>No gateway is configured, or it did not answer.</summary>
    GatewayUnavailable,
}

public sealed record PaymentStart(PaymentStartStatus Status, string? GatewayPageUrl = null);

public enum PaymentCompletionStatus
{
    /// <summary>Verified and recorded (now or by an earlier callback); the request is submitted.</summary>
    Paid,

    /// <summary>Declined, or the verification failed; the request is still a draft unless another payment paid it.</summary>
    Failed,

    /// <summary>The gateway could not be asked; the payment stays pending and the callback can be tried again.</summary>
    Unconfirmed,

    /// <summary>The callback names no payment of ours, or carries no answer of the gateway about it: nothing changed.</summary>
    Unknown,
}

public sealed record PaymentCompletion(PaymentCompletionStatus Status, long? RequestId = null, string? FailureReason = null);

/// <summary>
/// Paying a request's fee: <see cref="StartAsync"/> records a pending payment and gets the bank page from the
/// gateway; <see cref="CompleteAsync"/> takes the bank's callback, has the gateway verify it server-side and then, in
/// one transaction, marks the payment paid and submits the request with a new tracking code. The payment is marked
/// paid by a conditional update (only while still pending), so repeated or concurrent callbacks pay and submit once
/// and all see the same outcome. A failure leaves the request a draft that can be paid again.
/// </summary>
public sealed partial class RequestPayments(
    AppDbContext db,
    FeeSchedule fees,
    PaymentGateways gateways,
    IOptions<PaymentOptions> paymentOptions,
    IOptions<RequestServiceLevels> serviceLevels,
    Notifier notifier,
    TimeProvider clock,
    ILogger<RequestPayments> logger)
{
    public const string GatewayDidNotAnswer = "درگاه پرداخت پاسخ نداد؛ لطفاً چند دقیقه دیگر دوباره تلاش کنید.";

    public const string PaidByAnotherPayment =
        "این درخواست پیش‌تر با پرداخت دیگری ثبت شده است؛ مبلغ این پرداخت به حساب شما بازگردانده می‌شود.";

    public const string ReversedForPaidRequest =
        "این درخواست پیش‌تر با پرداخت دیگری ثبت شده بود؛ این پرداخت در بانک برگشت خورد و مبلغ آن به حساب شما بازمی‌گردد.";

    private const int MaxTrackingCodeAttempts = 5;
    private const int MaxSubmitAttempts = 3;

    /// <summary>Draws tracking codes; a test replaces it to force a collision.</summary>
    internal Func<string> NewTrackingCode { get; set; } = TrackingCode.New;

    /// <summary>
    /// Starts paying <paramref name="draft"/> (loaded by the caller, who has checked that its answers are complete).
    /// <paramref name="callbackUrl"/> is the absolute address of the callback endpoint.
    /// </summary>
    public async Task<PaymentStart> StartAsync(InquiryRequest draft, string callbackUrl, CancellationToken cancellationToken)
    {
        if (draft.Status != RequestStatus.Draft
            || await db.Payments.AnyAsync(p => p.RequestId == draft.Id && p.Status == PaymentStatus.Paid, cancellationToken))
        {
            return new PaymentStart(PaymentStartStatus.AlreadyPaid);
        }

        var gateway = gateways.Current;
        if (gateway is null)
        {
            logger.LogError("Payments:Gateway names {Gateway}, which is not enabled: requests cannot be paid", gateways.ConfiguredName);
            return new PaymentStart(PaymentStartStatus.GatewayUnavailable);
        }

        var fee = await fees.CurrentAsync(cancellationToken);
        if (fee is null)
        {
            return new PaymentStart(PaymentStartStatus.NoFee);
        }

        var payment = new Payment
        {
            RequestId = draft.Id,
            AmountRials = fee.AmountRials,
            Gateway = gateway.Name,
            Status = PaymentStatus.Pending,
            TreasuryPaymentId = paymentOptions.Value.TreasuryPaymentIds.GetValueOrDefault(fee.JalaliYear.ToString(CultureInfo.InvariantCulture)),
            CreatedAtUtc = Now,
        };
        db.Payments.Add(payment);
        await db.SaveChangesAsync(cancellationToken); // the payment's id is the order id the gateway needs

        GatewayPayment created;
        try
        {
            created = await gateway.CreateAsync(
                new PaymentOrder(
                    fee.AmountRials,
                    QueryHelpers.AddQueryString(callbackUrl, PaymentCallback.GatewayField, gateway.Name),
                    "هزینه استعلام گواهینامه مهارت قبل از ۱۳۹۲، درخواست " + PersianText.ToPersianDigits(draft.Id),
                    payment.Id.ToString(CultureInfo.InvariantCulture),
                    payment.TreasuryPaymentId),
                cancellationToken);
        }
        catch (Exception exception) when (exception is PaymentGatewayException or HttpRequestException)
        {
            logger.GatewayRefusedStart(exception, gateway.Name, payment.Id);
            payment.Status = PaymentStatus.Failed;
            payment.FailureReason = GatewayDidNotAnswer;
            payment.CompletedAtUtc = Now;
            await db.SaveChangesAsync(CancellationToken.None);
            return new PaymentStart(PaymentStartStatus.GatewayUnavailable);
        }

        payment.Authority = created.Authority;
        await db.SaveChangesAsync(cancellationToken);
        logger.PaymentStarted(payment.Id, payment.AmountRials, draft.Id, gateway.Name);
        return new PaymentStart(PaymentStartStatus.SendToGateway, created.PaymentPageUrl);
    }

    /// <summary>Handles the bank's callback: checks it, verifies with the gateway, then records the outcome once.</summary>
    public async Task<PaymentCompletion> CompleteAsync(PaymentCallback callback, CancellationToken cancellationToken)
    {
        var gatewayName = callback[PaymentCallback.GatewayField];
        var gateway = gatewayName is null ? gateways.Current : gateways.Find(gatewayName);
        var authority = gateway?.ReadAuthority(callback);
        if (gateway is null || authority is null || authority.Length > 64)
        {
            logger.CallbackWithoutGateway();
            return new PaymentCompletion(PaymentCompletionStatus.Unknown);
        }

        var payment = await db.Payments.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Gateway == gateway.Name && p.Authority == authority, cancellationToken);
        if (payment is null)
        {
            logger.CallbackOfNoPayment(gateway.Name);
            return new PaymentCompletion(PaymentCompletionStatus.Unknown);
        }

        if (!PaymentTransitions.IsOpen(payment.Status))
        {
            // A repeated callback (a reload, the back button, the bank calling twice): the recorded outcome stands.
            return Outcome(payment.RequestId, payment.Status, payment.FailureReason);
        }

        return await ApplyAsync(payment, gateway, gateway.ReadCallback(Sent(payment), callback), callback, cancellationToken);
    }

    /// <summary>
    /// The one way a gateway's word moves an open payment, from a callback or from the reconciliation's inquiry:
    /// refused → nothing; declined → failed; approved → its transaction number recorded once (callback received),
    /// then verified → paid and the request submitted, or reversed when the request cannot take it.
    /// </summary>
    internal async Task<PaymentCompletion> ApplyAsync(Payment payment, IPaymentGateway gateway, GatewayCallback read, PaymentCallback? callback, CancellationToken cancellationToken)
    {
        switch (read.Outcome)
        {
            case GatewayCallbackOutcome.Refused:
                // Forged, altered or about another payment (amount, order number, terminal): not the bank's word.
                logger.CallbackRefused(payment.Id, gateway.Name, read.Reason ?? "");
                return new PaymentCompletion(PaymentCompletionStatus.Unknown, payment.RequestId);
            case GatewayCallbackOutcome.InProgress:
                return new PaymentCompletion(PaymentCompletionStatus.Unconfirmed, payment.RequestId);
            case GatewayCallbackOutcome.Declined when payment.Status == PaymentStatus.CallbackReceived:
                // The bank already reported this payment approved: a later "declined" for it is not the bank's word.
                logger.CallbackRefused(payment.Id, gateway.Name, "a decline after the approval was recorded");
                return new PaymentCompletion(PaymentCompletionStatus.Unknown, payment.RequestId);
            case GatewayCallbackOutcome.Declined:
                await SettleAsync(payment.Id, PaymentStatus.Failed, null, Shorten(read.Reason!), cancellationToken);
                logger.VerificationFailed(payment.Id, payment.RequestId);
                return await OutcomeOfAsync(payment.Id, cancellationToken);
        }

        if (read.TransactionId is { } transactionId)
        {
            switch (await RecordCallbackAsync(payment, gateway, transactionId, cancellationToken))
            {
                case CallbackRecord.Refused:
                    return new PaymentCompletion(PaymentCompletionStatus.Unknown, payment.RequestId);
                case CallbackRecord.SettledMeanwhile:
                    return await OutcomeOfAsync(payment.Id, cancellationToken);
            }
        }

        var requestStatus = await db.Requests.Where(r => r.Id == payment.RequestId).Select(r => r.Status).SingleAsync(cancellationToken);
        if (requestStatus != RequestStatus.Draft)
        {
            // Another payment of the same request was verified first (or the request left the draft state). This one is
            // not verified; where the gateway can reverse, it is reversed now — a verification whose answer was lost
            // may have settled it at the bank — else the bank reverses it when its window closes.
            await GiveBackAsync(payment, gateway, read.TransactionId, referenceNumber: null, cancellationToken);
            return await OutcomeOfAsync(payment.Id, cancellationToken);
        }

        GatewayVerification verification;
        try
        {
            verification = await gateway.VerifyAsync(Sent(payment), read.TransactionId, callback, cancellationToken);
        }
        catch (Exception exception) when (exception is PaymentGatewayException or HttpRequestException)
        {
            // Still open (requested or callback received): a repeated callback or the reconciliation verifies it later.
            logger.VerificationUnanswered(exception, payment.Id, gateway.Name);
            return new PaymentCompletion(PaymentCompletionStatus.Unconfirmed, payment.RequestId);
        }

        if (!verification.IsAnswer)
        {
            // A visit to the callback address (a guessed, shared or logged authority) is not the bank's word: the
            // payment stays pending, and the real callback, when it comes, still pays.
            logger.CallbackWithoutAnswer(payment.Id, gateway.Name);
            return new PaymentCompletion(PaymentCompletionStatus.Unknown, payment.RequestId);
        }

        if (!verification.IsVerified)
        {
            await SettleAsync(payment.Id, PaymentStatus.Failed, null, Shorten(verification.FailureReason!), cancellationToken);
            logger.VerificationFailed(payment.Id, payment.RequestId);
            return await OutcomeOfAsync(payment.Id, cancellationToken);
        }

        return await RecordPaidAndSubmitAsync(payment, gateway, read.TransactionId, verification.ReferenceNumber!, cancellationToken);
    }

    internal static SentPayment Sent(Payment payment) =>
        new(payment.Authority ?? "", payment.Id.ToString(CultureInfo.InvariantCulture), payment.AmountRials);

    /// <summary>
    /// Moves a payment to <paramref name="status"/> if it is still in a state the state machine lets it leave for it
    /// (<see cref="PaymentTransitions"/>); the number of rows changed (0 or 1).
    /// </summary>
    internal Task<int> SettleAsync(long paymentId, PaymentStatus status, string? referenceNumber, string? failureReason, CancellationToken cancellationToken)
    {
        DateTime? completedAt = Now;
        var from = PaymentTransitions.From(status).ToArray();
        return db.Payments
            .Where(p => p.Id == paymentId && from.Contains(p.Status))
            .ExecuteUpdateAsync(
                setters => setters
                    .SetProperty(p => p.Status, status)
                    .SetProperty(p => p.ReferenceNumber, referenceNumber)
                    .SetProperty(p => p.FailureReason, failureReason)
                    .SetProperty(p => p.CompletedAtUtc, completedAt),
                cancellationToken);
    }

    private async Task<PaymentCompletion> OutcomeOfAsync(long paymentId, CancellationToken cancellationToken)
    {
        var payment = await db.Payments.AsNoTracking().Where(p => p.Id == paymentId)
            .Select(p => new { p.RequestId, p.Status, p.FailureReason })
            .SingleAsync(cancellationToken);
        return Outcome(payment.RequestId, payment.Status, payment.FailureReason);
    }

    private static PaymentCompletion Outcome(long requestId, PaymentStatus status, string? failureReason) => status switch
    {
        PaymentStatus.Paid => new PaymentCompletion(PaymentCompletionStatus.Paid, requestId),
        PaymentStatus.Failed or PaymentStatus.Reversed => new PaymentCompletion(PaymentCompletionStatus.Failed, requestId, failureReason),
        _ => new PaymentCompletion(PaymentCompletionStatus.Unconfirmed, requestId),
    };

    private static string Shorten(string reason) => reason.Length <= DataLimits.Title ? reason : reason[..DataLimits.Title];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
