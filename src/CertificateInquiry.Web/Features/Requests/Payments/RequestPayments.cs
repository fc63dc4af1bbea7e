using System.Globalization;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Notifications;
using CertificateInquiry.Web.Infrastructure.Payments;
using CertificateInquiry.Web.Infrastructure.Persian;
using System.Data.Common;
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
public sealed class RequestPayments(
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

    /// <summary>
    /// Records the gateway's transaction number on the payment (requested → callback received), once. False, with a
    /// log line, when the number belongs to another payment (a replayed callback: the unique index on gateway and
    /// number decides, also between two servers) or when this payment already holds another number; settled meanwhile
    /// when a concurrent callback finished the payment first.
    /// </summary>
    private async Task<CallbackRecord> RecordCallbackAsync(Payment payment, IPaymentGateway gateway, string transactionId, CancellationToken cancellationToken)
    {
        if (payment.Status == PaymentStatus.CallbackReceived)
        {
            // A second callback for the same payment: the same number goes on to (idempotent) verification, another is refused.
            return SameTransaction(payment.GatewayTransactionId, transactionId, payment.Id, gateway.Name);
        }

        if (await db.Payments.AnyAsync(p => p.Gateway == gateway.Name && p.GatewayTransactionId == transactionId && p.Id != payment.Id, cancellationToken))
        {
            logger.TransactionReplayed(payment.Id, gateway.Name);
            return CallbackRecord.Refused;
        }

        int recorded;
        try
        {
            DateTime? receivedAt = Now;
            var from = PaymentTransitions.From(PaymentStatus.CallbackReceived).ToArray();
            recorded = await db.Payments
                .Where(p => p.Id == payment.Id && from.Contains(p.Status))
                .ExecuteUpdateAsync(
                    setters => setters
                        .SetProperty(p => p.Status, PaymentStatus.CallbackReceived)
                        .SetProperty(p => p.GatewayTransactionId, transactionId)
                        .SetProperty(p => p.CallbackReceivedAtUtc, receivedAt),
                    cancellationToken);
        }
        catch (Exception exception) when (exception is DbException or DbUpdateException)
        {
            // The same number recorded for another payment at this instant: the unique index refused the second.
            logger.TransactionReplayed(payment.Id, gateway.Name);
            return CallbackRecord.Refused;
        }

        if (recorded == 1)
        {
            payment.Status = PaymentStatus.CallbackReceived;
            payment.GatewayTransactionId = transactionId;
            return CallbackRecord.Recorded;
        }

        // Another callback moved it first: go on if it recorded the same number and the payment is still open; once
        // settled, its outcome stands.
        var now = await db.Payments.AsNoTracking().Where(p => p.Id == payment.Id).Select(p => new { p.Status, p.GatewayTransactionId }).SingleAsync(cancellationToken);
        return now.Status == PaymentStatus.CallbackReceived ? SameTransaction(now.GatewayTransactionId, transactionId, payment.Id, gateway.Name)
            : PaymentTransitions.IsOpen(now.Status) ? CallbackRecord.Refused
            : CallbackRecord.SettledMeanwhile;
    }

    private CallbackRecord SameTransaction(string? recorded, string transactionId, long paymentId, string gateway)
    {
        if (string.Equals(recorded, transactionId, StringComparison.Ordinal))
        {
            return CallbackRecord.Recorded;
        }

        logger.CallbackRefused(paymentId, gateway, "a second callback names another transaction");
        return CallbackRecord.Refused;
    }

    private enum CallbackRecord
    {
        Recorded,
        Refused,
        SettledMeanwhile,
    }

    internal static SentPayment Sent(Payment payment) =>
        new(payment.Authority ?? "", payment.Id.ToString(CultureInfo.InvariantCulture), payment.AmountRials);

    private enum SubmitResult
    {
        Submitted,
        SettledElsewhere,
        RequestAlreadySubmitted,
        RequestChangedMeanwhile,
    }

    private async Task<PaymentCompletion> RecordPaidAndSubmitAsync(
        Payment payment, IPaymentGateway gateway, string? transactionId, string referenceNumber, CancellationToken cancellationToken)
    {
        // SQL Server's retrying execution strategy replays the whole unit; each step below is safe to replay.
        var strategy = db.Database.CreateExecutionStrategy();
        var result = SubmitResult.RequestChangedMeanwhile;
        for (var attempt = 1; attempt <= MaxSubmitAttempts && result == SubmitResult.RequestChangedMeanwhile; attempt++)
        {
            result = await strategy.ExecuteAsync(token => TryRecordPaidAndSubmitAsync(payment, referenceNumber, token), cancellationToken);
        }

        switch (result)
        {
            case SubmitResult.Submitted:
                logger.Verified(payment.Id, payment.RequestId);
                return new PaymentCompletion(PaymentCompletionStatus.Paid, payment.RequestId);
            case SubmitResult.RequestAlreadySubmitted:
                // Verified at the bank but the request was paid by another payment a moment earlier: the money must go back.
                await GiveBackAsync(payment, gateway, transactionId, referenceNumber, cancellationToken);
                return await OutcomeOfAsync(payment.Id, cancellationToken);
            case SubmitResult.RequestChangedMeanwhile:
                throw new DbUpdateConcurrencyException($"Request {payment.RequestId} kept changing while its payment {payment.Id} was recorded.");
            default:
                return await OutcomeOfAsync(payment.Id, cancellationToken);
        }
    }

    private async Task<SubmitResult> TryRecordPaidAndSubmitAsync(Payment payment, string referenceNumber, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Only the callback that moves the payment out of Pending goes on; any other sees what that one recorded.
        if (await SettleAsync(payment.Id, PaymentStatus.Paid, referenceNumber, null, cancellationToken) == 0)
        {
            return SubmitResult.SettledElsewhere;
        }

        var request = await db.Requests.SingleAsync(r => r.Id == payment.RequestId, cancellationToken);
        if (request.Status != RequestStatus.Draft)
        {
            return SubmitResult.RequestAlreadySubmitted; // rolled back on dispose: this payment stays pending
        }

        var now = Now;
        var dueOn = serviceLevels.Value.DueOn(RequestStatus.Submitted, IranTime.Today(clock))!.Value;
        request.Submit(NewTrackingCode(), now, dueOn);
        request.Version = Guid.NewGuid();

        try
        {
            await SaveWithUniqueTrackingCodeAsync(request, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SubmitResult.RequestChangedMeanwhile; // the draft was edited at that instant: start again
        }

        await transaction.CommitAsync(cancellationToken);
        return SubmitResult.Submitted;
    }

    /// <summary>
    /// A payment for a request that cannot take it (<paramref name="referenceNumber"/> set when the gateway verified it):
    /// reversed at the gateway when it can (→ reversed), else failed — with the reference and a warning in the log for
    /// a refund by hand when it was verified.
    /// </summary>
    private async Task GiveBackAsync(Payment payment, IPaymentGateway gateway, string? transactionId, string? referenceNumber, CancellationToken cancellationToken)
    {
        var reversed = false;
        if (gateway is IReversiblePaymentGateway reversible && transactionId is not null)
        {
            try
            {
                reversed = await reversible.ReverseAsync(Sent(payment), transactionId, cancellationToken);
            }
            catch (Exception exception) when (exception is PaymentGatewayException or HttpRequestException)
            {
                logger.ReverseUnanswered(exception, payment.Id, gateway.Name);
            }
        }

        if (reversed)
        {
            await SettleAsync(payment.Id, PaymentStatus.Reversed, referenceNumber, ReversedForPaidRequest, cancellationToken);
            logger.ReversedForPaidRequest(payment.Id, payment.RequestId);
        }
        else
        {
            await SettleAsync(payment.Id, PaymentStatus.Failed, referenceNumber, PaidByAnotherPayment, cancellationToken);
            if (referenceNumber is null)
            {
                logger.NotVerifiedAlreadyPaid(payment.Id, payment.RequestId);
            }
            else
            {
                logger.VerifiedForPaidRequest(payment.Id, payment.RequestId);
            }
        }
    }

    /// <summary>
    /// Saves the submission with its SMS and email in the outbox (one transaction: no message for a rolled-back
    /// submission, no submission without its message); on the rare clash with an existing tracking code, draws
    /// another, writes the messages again with it and saves again.
    /// </summary>
    private async Task SaveWithUniqueTrackingCodeAsync(InquiryRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var messages = notifier.RequestSubmitted(request, serviceLevels.Value.ExpectedAnswerOn(request));
            try
            {
                // Inside a transaction EF wraps this in a savepoint, so a failed attempt leaves the payment update intact.
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException exception) when (exception is not DbUpdateConcurrencyException && attempt < MaxTrackingCodeAttempts)
            {
                var code = request.TrackingCode!;
                if (!await db.Requests.AnyAsync(r => r.TrackingCode == code && r.Id != request.Id, cancellationToken))
                {
                    throw;
                }

                logger.LogWarning("Tracking code drawn for request {RequestId} was taken; drawing another", request.Id);
                foreach (var message in messages)
                {
                    db.Entry(message).State = EntityState.Detached;
                }

                request.TrackingCode = NewTrackingCode();
            }
        }
    }

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
