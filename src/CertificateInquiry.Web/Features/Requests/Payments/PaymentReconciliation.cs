using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Hosting;
using CertificateInquiry.Web.Infrastructure.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.Requests.Payments;

/// <summary>
/// Finds payments whose callback never came (the payer closed the tab, the bank's post was lost) or whose verification
/// went unanswered, and asks the gateway: a payment the gateway says was made is recorded and verified through the
/// same state machine as a callback (<see cref="RequestPayments.ApplyAsync"/>), within the gateway's window; one past
/// the window fails, since the bank returns money it was never asked to keep. Safe on many servers at once: every
/// step is a conditional update.
/// </summary>
public sealed class PaymentReconciliation(
    AppDbContext db,
    RequestPayments payments,
    PaymentGateways gateways,
    IOptions<PaymentOptions> options,
    TimeProvider clock,
    ILogger<PaymentReconciliation> logger)
{
    public const string NotConfirmedInTime =
        "بانک در مهلت تأیید نتیجه این پرداخت را اعلام نکرد؛ اگر مبلغی از حساب شما کم شده باشد، بانک آن را بازمی‌گرداند.";

    /// <summary>
    /// One pass over the open payments old enough to ask about and young enough to matter (<see
    /// cref="PaymentReconciliationOptions.LookBack"/>), a page of <see cref="PaymentReconciliationOptions.BatchSize"/>
    /// at a time, oldest first; returns how many it looked at. A payment the gateway keeps failing to answer about does
    /// not hold back the others, and one older than the look-back is left to the disagreement list.
    /// </summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Reconciliation;
        var now = clock.GetUtcNow().UtcDateTime;
        var askBefore = now - settings.AskAfter;
        var notBefore = now - settings.LookBack;
        var pageSize = Math.Max(1, settings.BatchSize);
        PaymentStatus[] open = [PaymentStatus.Pending, PaymentStatus.CallbackReceived];
        var seen = 0;
        var afterId = 0L;
        while (true)
        {
            var page = await db.Payments.AsNoTracking()
                .Where(p => p.Id > afterId && open.Contains(p.Status) && p.Authority != null && p.CreatedAtUtc <= askBefore && p.CreatedAtUtc >= notBefore)
                .OrderBy(p => p.Id)
                .Take(pageSize)
                .ToListAsync(cancellationToken);
            foreach (var payment in page)
            {
                // Only gateways that can be asked take part; a sandbox payment left open stays as it was.
                if (gateways.Find(payment.Gateway) is { } gateway and IPaymentInquiry inquiry)
                {
                    await ReconcileAsync(payment, gateway, inquiry, now, cancellationToken);
                }
            }

            seen += page.Count;
            if (page.Count < pageSize)
            {
                return seen;
            }

            afterId = page[^1].Id;
        }
    }

    private async Task ReconcileAsync(Payment payment, IPaymentGateway gateway, IPaymentInquiry inquiry, DateTime now, CancellationToken cancellationToken)
    {
        var pastWindow = now - payment.CreatedAtUtc > inquiry.AnswerWindow;
        if (payment.Status == PaymentStatus.Pending && pastWindow)
        {
            // Never verified and now beyond verification: the bank reverses it on its own.
            await payments.SettleAsync(payment.Id, PaymentStatus.Failed, null, NotConfirmedInTime, cancellationToken);
            logger.ReconciliationExpired(payment.Id, gateway.Name);
            return;
        }

        GatewayCallback read;
        try
        {
            // A callback that was received is verified again (verification is idempotent, and past the window the
            // bank says so); a payment without one is looked up by its token.
            read = payment.Status == PaymentStatus.CallbackReceived
                ? GatewayCallback.Approved(payment.GatewayTransactionId)
                : await inquiry.InquireAsync(RequestPayments.Sent(payment), cancellationToken);
        }
        catch (Exception exception) when (exception is PaymentGatewayException or HttpRequestException)
        {
            logger.ReconciliationUnanswered(exception, gateway.Name, payment.Id);
            return;
        }

        var outcome = await payments.ApplyAsync(payment, gateway, read, callback: null, cancellationToken);
        logger.Reconciled(gateway.Name, payment.Id, outcome.Status);
    }
}

/// <summary>
/// Runs <see cref="PaymentReconciliation"/> every <see cref="PaymentReconciliationOptions.Interval"/> while any gateway
/// can be asked, on one server at a time (a job lease, ADR-038): the pass is safe on several at once, but each would
/// ask the bank about the same payments.
/// </summary>
public sealed class PaymentReconciliationWorker(
    IServiceScopeFactory scopes,
    PaymentGateways gateways,
    IOptions<PaymentOptions> options,
    JobLeases leases,
    TimeProvider clock,
    ILogger<PaymentReconciliationWorker> logger) : LeasedPeriodicWork(leases, clock, logger)
{
    public override string JobName => "payment-reconciliation";

    protected override TimeSpan? Interval =>
        options.Value.Reconciliation is { Enabled: true } settings && gateways.All.Any(gateway => gateway is IPaymentInquiry) ? settings.Interval : null;

    protected override async Task RunLeasedPassAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PaymentReconciliation>().ReconcileAsync(stoppingToken);
    }

    // The database or the gateway may be away for a moment; the next pass tries again.
    protected override void PassFailed(Exception exception) => logger.ReconciliationPassFailed(exception);
}
