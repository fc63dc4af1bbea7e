using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.Payments.Sep;

/// <summary>
/// Saman Electronic Payment (Sep), a Shaparak card gateway (protocol and its public sources: SepPaths.cs and
/// docs/providers/payment-sep.md). A token is requested for each payment with the payment's id as ResNum; the browser
/// goes to the bank's page with the token; the bank posts the callback back; the callback is checked against what the
/// portal sent (token, ResNum, terminal, amount) before its RefNum is believed enough to ask VerifyTransaction about
/// it; a verified payment the request cannot take is given back with ReverseTransaction; a payment whose callback never
/// came is found through the receipt inquiry by token.
/// </summary>
public sealed class SepPaymentGateway(
    ITypedHttpClientFactory<SepClient> clients,
    IHttpClientFactory httpClients,
    IOptions<PaymentOptions> options) : IPaymentGateway, IReversiblePaymentGateway, IPaymentInquiry
{
    public const string GatewayName = "Sep";

    /// <summary>The name of the <see cref="HttpClient"/> whose handlers (resilience) the typed client runs on.</summary>
    public const string HttpClientName = "Sep";

    public const string DeclinedByPayer = "پرداخت در درگاه بانک لغو شد.";
    public const string PaymentFailed = "بانک پرداخت را انجام نداد؛ اگر مبلغی از حساب شما کم شده باشد، بانک آن را بازمی‌گرداند.";
    public const string SessionExpired = "مهلت پرداخت در درگاه بانک به پایان رسید.";
    public const string NotFoundAtBank = "بانک این پرداخت را نمی‌شناسد؛ پرداخت تأیید نشد.";
    public const string WindowPassed = "مهلت تأیید این پرداخت در بانک گذشته است؛ بانک مبلغ را به حساب شما بازمی‌گرداند.";
    public const string AmountMismatch = "مبلغ پرداخت‌شده با هزینه درخواست برابر نیست؛ پرداخت تأیید نشد و مبلغ بازگردانده می‌شود.";

    private SepGatewayOptions Settings => options.Value.Sep;

    private long TerminalNumber => long.Parse(Settings.TerminalId, NumberStyles.None, CultureInfo.InvariantCulture);

    public string Name => GatewayName;

    public TimeSpan AnswerWindow => TimeSpan.FromMinutes(Settings.TokenLifetimeMinutes) + Settings.VerifyWindow;

    public Uri? PaymentPageOrigin => Settings.BaseAddress is { } address ? new Uri(address.GetLeftPart(UriPartial.Authority)) : null;

    public async Task<GatewayPayment> CreateAsync(PaymentOrder order, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(order.AmountRials);

        // A government fee goes to the treasury with the year's payment ID; without it the money would land unmarked.
        if (string.IsNullOrWhiteSpace(order.TreasuryPaymentId))
        {
            throw new PaymentGatewayException("No treasury payment ID is configured for this tariff year (Payments:TreasuryPaymentIds)");
        }

        var answer = await Client().RequestTokenAsync(
            new SepTokenRequest("token", Settings.TerminalId, order.AmountRials, order.OrderId, order.CallbackUrl, Settings.TokenLifetimeMinutes, order.TreasuryPaymentId),
            cancellationToken);
        if (answer.Status != 1 || string.IsNullOrWhiteSpace(answer.Token) || answer.Token.Length > 64)
        {
            throw new PaymentGatewayException($"Sep refused the token request: status {answer.Status}, error code {answer.ErrorCode}");
        }

        var page = QueryHelpers.AddQueryString(new Uri(Settings.BaseAddress!, SepPaths.PaymentPage).ToString(), "token", answer.Token);
        return new GatewayPayment(answer.Token, page);
    }

    public string? ReadAuthority(PaymentCallback callback) => callback[SepCallbackFields.Token];

    public GatewayCallback ReadCallback(SentPayment payment, PaymentCallback callback)
    {
        if (!string.Equals(callback[SepCallbackFields.Token], payment.Authority, StringComparison.Ordinal))
        {
            return GatewayCallback.Refused("token differs");
        }

        if (!string.Equals(callback[SepCallbackFields.ResNum], payment.OrderId, StringComparison.Ordinal))
        {
            return GatewayCallback.Refused("ResNum differs from the payment's order number");
        }

        var terminal = callback[SepCallbackFields.TerminalId] ?? callback[SepCallbackFields.MerchantId];
        if (!string.Equals(terminal, Settings.TerminalId, StringComparison.Ordinal))
        {
            return GatewayCallback.Refused("terminal differs from the portal's");
        }

        if (!int.TryParse(callback[SepCallbackFields.Status], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var status))
        {
            return GatewayCallback.Refused("Status is not a number");
        }

        if (status != SepCallbackFields.StatusOk)
        {
            return GatewayCallback.Declined(DeclineReason(status));
        }

        // Only an approved callback says how much was charged; one for another amount is not about this payment.
        if (!long.TryParse(callback[SepCallbackFields.Amount], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount != payment.AmountRials)
        {
            return GatewayCallback.Refused("Amount differs from the payment's");
        }

        var refNum = callback[SepCallbackFields.RefNum];
        return !string.Equals(callback[SepCallbackFields.State], SepCallbackFields.StateOk, StringComparison.OrdinalIgnoreCase) ? GatewayCallback.Refused("State and Status disagree")
            : refNum is null || refNum.Length > 64 ? GatewayCallback.Refused("RefNum missing or too long")
            : GatewayCallback.Approved(refNum);
    }

    public async Task<GatewayVerification> VerifyAsync(SentPayment payment, string? transactionId, PaymentCallback? callback, CancellationToken cancellationToken)
    {
        if (transactionId is null)
        {
            return GatewayVerification.NoAnswer("no RefNum to verify");
        }

        var request = new SepTransactionRequest(transactionId, TerminalNumber);
        var answer = await Client().VerifyAsync(request, cancellationToken);
        switch (answer.ResultCode)
        {
            case SepResultCodes.Success or SepResultCodes.AlreadyDone when answer.Success && answer.TransactionDetail is { } detail:
                if (!string.Equals(detail.RefNum, transactionId, StringComparison.Ordinal) || detail.TerminalNumber != TerminalNumber)
                {
                    throw new PaymentGatewayException("Sep's verify answer names another transaction or terminal");
                }

                if (detail.OrginalAmount != payment.AmountRials)
                {
                    // Verified for an amount the portal did not ask: the money goes back, the request stays unpaid.
                    await ReverseAsync(payment, transactionId, cancellationToken);
                    return GatewayVerification.Failed(AmountMismatch);
                }

                var reference = !string.IsNullOrWhiteSpace(detail.Rrn) ? detail.Rrn : detail.StraceNo;
                return GatewayVerification.Verified(string.IsNullOrWhiteSpace(reference) ? transactionId : reference);
            case SepResultCodes.NotFound:
                return GatewayVerification.Failed(NotFoundAtBank);
            case SepResultCodes.WindowPassed:
                return GatewayVerification.Failed(WindowPassed);
            default:
                // A terminal that is disabled, unknown or called from an address the bank does not allow (-104, -105,
                // -106) or anything undocumented: the payment's fate is unknown until an operator looks.
                throw new PaymentGatewayException(string.Create(CultureInfo.InvariantCulture, $"Sep's verify answered result code {answer.ResultCode}"));
        }
    }

    public async Task<bool> ReverseAsync(SentPayment payment, string transactionId, CancellationToken cancellationToken)
    {
        var answer = await Client().ReverseAsync(new SepTransactionRequest(transactionId, TerminalNumber), cancellationToken);
        return answer.ResultCode is SepResultCodes.Success or SepResultCodes.AlreadyDone;
    }

    public async Task<GatewayCallback> InquireAsync(SentPayment payment, CancellationToken cancellationToken)
    {
        var answer = await Client().ReceiptAsync(new SepReceiptRequest(TerminalNumber, payment.Authority), cancellationToken);
        if (answer.HasError || answer.Data is not { } receipt)
        {
            throw new PaymentGatewayException(string.Create(CultureInfo.InvariantCulture, $"Sep's receipt inquiry answered error code {answer.ErrorCode}"));
        }

        if (!string.Equals(receipt.Token, payment.Authority, StringComparison.Ordinal)
            || !string.Equals(receipt.ResNum, payment.OrderId, StringComparison.Ordinal)
            || receipt.TerminalId != TerminalNumber)
        {
            return GatewayCallback.Refused("the receipt names another payment or terminal");
        }

        return receipt.Status switch
        {
            0 => GatewayCallback.InProgress(),
            SepCallbackFields.StatusOk when receipt.Amount != payment.AmountRials => GatewayCallback.Refused("the receipt's amount differs from the payment's"),
            SepCallbackFields.StatusOk when string.IsNullOrEmpty(receipt.RefNum) || receipt.RefNum.Length > 64 => GatewayCallback.Refused("the receipt has no RefNum"),
            SepCallbackFields.StatusOk => GatewayCallback.Approved(receipt.RefNum),
            _ => GatewayCallback.Declined(DeclineReason(receipt.Status)),
        };
    }

    private static string DeclineReason(int status) => status switch
    {
        SepCallbackFields.StatusCanceledByUser => DeclinedByPayer,
        SepCallbackFields.StatusSessionIsNull => SessionExpired,
        _ => PaymentFailed,
    };

    private SepClient Client() => clients.CreateClient(httpClients.CreateClient(HttpClientName));
}
