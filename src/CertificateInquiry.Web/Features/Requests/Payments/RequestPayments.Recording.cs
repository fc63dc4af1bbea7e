using System.Data.Common;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Payments;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Requests.Payments;

/// <summary>
/// The recording half of <see cref="RequestPayments"/>: the callback's transaction number recorded once, the payment
/// marked paid with the request's submission in one transaction, and the payment given back when the request cannot
/// take it.
/// </summary>
public sealed partial class RequestPayments
{
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
}
