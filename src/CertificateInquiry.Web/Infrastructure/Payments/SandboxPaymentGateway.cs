using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.Payments;

/// <summary>What the sandbox's payment page needs, carried in its address under Data Protection (no table, any server).</summary>
public sealed record SandboxTicket(string Authority, long AmountRials, string CallbackUrl, string Description, string OrderId, DateTime ExpiresAtUtc);

public enum SandboxDecision
{
    Approved,
    Declined,

    /// <summary>The visitor answered after the page's lifetime, as a bank session that timed out.</summary>
    Expired,
}

/// <summary>The sandbox's answer, signed and encrypted: the stand-in for what a real bank keeps on its side and tells on verify.</summary>
public sealed record SandboxResult(string Authority, long AmountRials, SandboxDecision Decision, string? ReferenceNumber, DateTime ExpiresAtUtc);

/// <summary>
/// A test gateway built into the portal (setting <c>Payments:Sandbox:Enabled</c>): its page
/// (<c>/sandbox-gateway/{authority}</c>) lets the visitor approve or decline, and no money moves. It keeps the
/// semantics of a real gateway: the authority is random, the browser comes back with <c>Authority</c> and
/// <c>Status</c> like Zarinpal's, and <see cref="VerifyAsync"/> ignores <c>Status</c> and checks the protected
/// answer (authority, amount, decision, time) the sandbox itself wrote. Its state lives in Data Protection payloads
/// (the keys are in the database), so it survives a restart and works behind several servers.
/// </summary>
public sealed class SandboxPaymentGateway : IPaymentGateway
{
    public const string GatewayName = "Sandbox";
    public const string AuthorityField = "Authority";
    public const string StatusField = "Status";
    public const string ResultField = "SandboxResult";
    public const string TicketField = "ticket";
    public const string PagePath = "/sandbox-gateway/";

    public const string MissingAnswer = "پاسخ درگاه همراه بازگشت از بانک نبود؛ پرداخت تأیید نشد.";
    public const string InvalidAnswer = "پاسخ درگاه معتبر نیست؛ پرداخت تأیید نشد.";
    public const string AnswerExpired = "مهلت تأیید این پرداخت گذشته است.";
    public const string DeclinedByPayer = "پرداخت در درگاه لغو شد.";
    public const string SessionExpired = "مهلت پرداخت در درگاه به پایان رسید.";
    public const string AmountMismatch = "مبلغ پرداخت‌شده با هزینه درخواست برابر نیست؛ پرداخت تأیید نشد.";

    private readonly IDataProtector tickets;
    private readonly IDataProtector results;
    private readonly TimeSpan lifetime;
    private readonly TimeProvider clock;

    public SandboxPaymentGateway(IDataProtectionProvider dataProtection, IOptions<PaymentOptions> options, TimeProvider clock)
    {
        tickets = dataProtection.CreateProtector("CertificateInquiry.SandboxGateway.Ticket.v1");
        results = dataProtection.CreateProtector("CertificateInquiry.SandboxGateway.Result.v1");
        lifetime = options.Value.Sandbox.PaymentLifetime;
        this.clock = clock;
    }

    public string Name => GatewayName;

    public Uri? PaymentPageOrigin => null;

    public Task<GatewayPayment> CreateAsync(PaymentOrder order, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(order.AmountRials);
        var authority = "SBX" + RandomNumberGenerator.GetHexString(32);
        var ticket = new SandboxTicket(authority, order.AmountRials, order.CallbackUrl, order.Description, order.OrderId, Now + lifetime);
        var pageUrl = QueryHelpers.AddQueryString(PagePath + authority, TicketField, tickets.Protect(JsonSerializer.Serialize(ticket)));
        return Task.FromResult(new GatewayPayment(authority, pageUrl));
    }

    /// <summary>The ticket of the sandbox page's address, if it is one this sandbox wrote for <paramref name="authority"/>.</summary>
    public SandboxTicket? ReadTicket(string authority, string? protectedTicket)
    {
        var ticket = Unprotect<SandboxTicket>(tickets, protectedTicket);
        return ticket is not null && string.Equals(ticket.Authority, authority, StringComparison.Ordinal) ? ticket : null;
    }

    public bool IsExpired(SandboxTicket ticket) => Now > ticket.ExpiresAtUtc;

    /// <summary>The address the browser goes back to once the visitor has chosen, with the sandbox's protected answer.</summary>
    public string CallbackAddress(SandboxTicket ticket, bool approve)
    {
        var decision = IsExpired(ticket) ? SandboxDecision.Expired : approve ? SandboxDecision.Approved : SandboxDecision.Declined;
        var reference = decision == SandboxDecision.Approved ? NewReferenceNumber() : null;
        var result = new SandboxResult(ticket.Authority, ticket.AmountRials, decision, reference, Now + lifetime);
        return QueryHelpers.AddQueryString(ticket.CallbackUrl, new Dictionary<string, string?>
        {
            [AuthorityField] = ticket.Authority,
            [StatusField] = decision == SandboxDecision.Approved ? "OK" : "NOK",
            [ResultField] = results.Protect(JsonSerializer.Serialize(result)),
        });
    }

    public string? ReadAuthority(PaymentCallback callback) => callback[AuthorityField];

    /// <summary>The sandbox's callback carries its answer under protection: it is read, checked and judged in <see cref="VerifyAsync"/>.</summary>
    public GatewayCallback ReadCallback(SentPayment payment, PaymentCallback callback) => GatewayCallback.Approved(transactionId: null);

    public Task<GatewayVerification> VerifyAsync(SentPayment payment, string? transactionId, PaymentCallback? callback, CancellationToken cancellationToken)
    {
        var authority = payment.Authority;
        var amountRials = payment.AmountRials;

        // The Status field is what a browser says; it proves nothing and is not read.
        var answer = callback?[ResultField];
        if (answer is null)
        {
            return Task.FromResult(GatewayVerification.NoAnswer(MissingAnswer));
        }

        var result = Unprotect<SandboxResult>(results, answer);
        var verification =
            result is null || !string.Equals(result.Authority, authority, StringComparison.Ordinal) ? GatewayVerification.NoAnswer(InvalidAnswer)
            : Now > result.ExpiresAtUtc ? GatewayVerification.Failed(AnswerExpired)
            : result.Decision == SandboxDecision.Declined ? GatewayVerification.Failed(DeclinedByPayer)
            : result.Decision == SandboxDecision.Expired ? GatewayVerification.Failed(SessionExpired)
            : result.AmountRials != amountRials ? GatewayVerification.Failed(AmountMismatch)
            : GatewayVerification.Verified(result.ReferenceNumber!);
        return Task.FromResult(verification);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static T? Unprotect<T>(IDataProtector protector, string? payload)
        where T : class
    {
        if (string.IsNullOrEmpty(payload))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(protector.Unprotect(payload));
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Twelve digits, as the retrieval reference numbers on Iranian card receipts.</summary>
    private static string NewReferenceNumber() =>
        (1 + RandomNumberGenerator.GetInt32(9)).ToString(CultureInfo.InvariantCulture)
        + RandomNumberGenerator.GetInt32(100_000_000).ToString("D8", CultureInfo.InvariantCulture)
        + RandomNumberGenerator.GetInt32(1000).ToString("D3", CultureInfo.InvariantCulture);
}
