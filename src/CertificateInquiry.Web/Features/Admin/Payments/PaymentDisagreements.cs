using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Payments;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Admin.Payments;

public enum PaymentDisagreementKind
{
    /// <summary>The gateway verified the payment (the portal holds its reference) but the request did not take it and it was not reversed.</summary>
    VerifiedNotApplied,

    /// <summary>Still open after the gateway's window: the gateway could not be asked, so the portal does not know whether money was taken.</summary>
    OpenPastWindow,
}

/// <summary>One payment the portal and the gateway see differently, for a person to settle with the bank.</summary>
public sealed record PaymentDisagreement(
    long PaymentId,
    long RequestId,
    string Gateway,
    long AmountRials,
    PaymentStatus Status,
    string? GatewayTransactionId,
    string? ReferenceNumber,
    DateTime CreatedAtUtc,
    PaymentDisagreementKind Kind)
{
    public string Explanation => Kind switch
    {
        PaymentDisagreementKind.VerifiedNotApplied =>
            "بانک پرداخت را تأیید کرده ولی درخواست آن را نپذیرفت و برگشت در درگاه انجام نشد: مبلغ باید با بانک بازپرداخت شود.",
        _ => "پس از مهلت درگاه هنوز باز است و از درگاه پاسخی گرفته نشد: وضعیت پرداخت را از پنل پذیرنده بانک بپرسید.",
    };
}

/// <summary>
/// The daily list of payments where the portal and the gateway disagree, as far as the portal's records show: a
/// payment the gateway verified that the portal neither applied nor reversed, and a payment still open after the
/// gateway's window (the reconciliation could not ask). A national admin settles each with the bank's merchant panel.
/// </summary>
public sealed class PaymentDisagreements(AppDbContext db, PaymentGateways gateways, TimeProvider clock)
{
    /// <summary>How long a payment of a gateway that cannot be asked (the sandbox) may stay open before it is listed.</summary>
    public static readonly TimeSpan OpenWithoutInquiry = TimeSpan.FromHours(1);

    /// <summary>The payments started on <paramref name="day"/> (Iran's date) that need a person, oldest first.</summary>
    public async Task<IReadOnlyList<PaymentDisagreement>> OnAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var from = IranTime.StartOfDayUtc(day);
        var to = IranTime.StartOfDayUtc(day.AddDays(1));
        PaymentStatus[] open = [PaymentStatus.Pending, PaymentStatus.CallbackReceived];
        var candidates = await db.Payments.AsNoTracking()
            .Where(p => p.CreatedAtUtc >= from && p.CreatedAtUtc < to)
            .Where(p => (p.Status == PaymentStatus.Failed && p.ReferenceNumber != null) || open.Contains(p.Status))
            .OrderBy(p => p.Id)
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        return
        [
            .. from payment in candidates
               let kind = payment.Status == PaymentStatus.Failed ? PaymentDisagreementKind.VerifiedNotApplied : PaymentDisagreementKind.OpenPastWindow
               where kind == PaymentDisagreementKind.VerifiedNotApplied || now - payment.CreatedAtUtc > WindowOf(payment.Gateway)
               select new PaymentDisagreement(
                   payment.Id, payment.RequestId, payment.Gateway, payment.AmountRials, payment.Status,
                   payment.GatewayTransactionId, payment.ReferenceNumber, payment.CreatedAtUtc, kind),
        ];
    }

    public DateOnly Today => IranTime.Today(clock);

    private TimeSpan WindowOf(string gateway) => gateways.Find(gateway) is IPaymentInquiry inquiry ? inquiry.AnswerWindow : OpenWithoutInquiry;
}
