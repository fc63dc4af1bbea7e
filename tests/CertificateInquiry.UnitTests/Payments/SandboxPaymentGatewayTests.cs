using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Payments;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.UnitTests.Payments;

public class SandboxPaymentGatewayTests
{
    private const string Callback = "https://portal.example/requests/payment/callback?gateway=Sandbox";

    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
    private readonly IDataProtectionProvider keys = new EphemeralDataProtectionProvider();

    private SandboxPaymentGateway Gateway(IDataProtectionProvider? dataProtection = null) =>
        new(dataProtection ?? keys, Options.Create(new PaymentOptions()), clock);

    private static async Task<(GatewayPayment Payment, SandboxTicket Ticket)> CreateAsync(SandboxPaymentGateway gateway, long amount = 3_000_000)
    {
        var payment = await gateway.CreateAsync(new PaymentOrder(amount, Callback, "test", "17", null), CancellationToken.None);
        var ticket = gateway.ReadTicket(payment.Authority, TicketOf(payment.PaymentPageUrl));
        return (payment, ticket!);
    }

    private static string? TicketOf(string pageUrl) =>
        QueryHelpers.ParseQuery(new Uri(new Uri("https://portal.example"), pageUrl).Query)[SandboxPaymentGateway.TicketField];

    private static PaymentCallback CallbackFrom(string address) =>
        new(QueryHelpers.ParseQuery(new Uri(address).Query).Select(field => KeyValuePair.Create(field.Key, field.Value.ToString())));

    [Fact]
    public async Task The_page_address_carries_a_ticket_with_the_amount_and_callback_bound_to_the_authority()
    {
        var gateway = Gateway();

        var (payment, ticket) = await CreateAsync(gateway);

        Assert.StartsWith("/sandbox-gateway/" + payment.Authority + "?ticket=", payment.PaymentPageUrl, StringComparison.Ordinal);
        Assert.InRange(payment.Authority.Length, 20, 64);
        Assert.Equal(3_000_000, ticket.AmountRials);
        Assert.Equal(Callback, ticket.CallbackUrl);
        Assert.Null(gateway.ReadTicket("SBX-another", TicketOf(payment.PaymentPageUrl)));
        Assert.Null(gateway.ReadTicket(payment.Authority, "forged"));
    }

    [Fact]
    public async Task An_approved_payment_verifies_with_a_reference_number()
    {
        var gateway = Gateway();
        var (payment, ticket) = await CreateAsync(gateway);

        var back = CallbackFrom(gateway.CallbackAddress(ticket, approve: true));
        var verification = await gateway.VerifyAsync(new SentPayment(payment.Authority, "17", 3_000_000), null, back, CancellationToken.None);

        Assert.Equal(payment.Authority, gateway.ReadAuthority(back));
        Assert.Equal("OK", back[SandboxPaymentGateway.StatusField]);
        Assert.Equal("Sandbox", back[PaymentCallback.GatewayField]);
        Assert.True(verification.IsVerified);
        Assert.Matches("^[1-9][0-9]{11}$", verification.ReferenceNumber);
    }

    [Fact]
    public async Task The_same_answer_verifies_the_same_way_twice()
    {
        var gateway = Gateway();
        var (payment, ticket) = await CreateAsync(gateway);
        var back = CallbackFrom(gateway.CallbackAddress(ticket, approve: true));

        var first = await gateway.VerifyAsync(new SentPayment(payment.Authority, "17", 3_000_000), null, back, CancellationToken.None);
        var second = await gateway.VerifyAsync(new SentPayment(payment.Authority, "17", 3_000_000), null, back, CancellationToken.None);

        Assert.Equal(first.ReferenceNumber, second.ReferenceNumber);
    }

    [Fact]
    public async Task A_declined_payment_fails()
    {
        var gateway = Gateway();
        var (payment, ticket) = await CreateAsync(gateway);

        var back = CallbackFrom(gateway.CallbackAddress(ticket, approve: false));
        var verification = await gateway.VerifyAsync(new SentPayment(payment.Authority, "17", 3_000_000), null, back, CancellationToken.None);

        Assert.Equal("NOK", back[SandboxPaymentGateway.StatusField]);
        Assert.Equal(SandboxPaymentGateway.DeclinedByPayer, verification.FailureReason);
        Assert.True(verification.IsAnswer);
    }

    [Fact]
    public async Task Status_ok_without_the_sandbox_answer_proves_nothing()
    {
        var gateway = Gateway();
        var (payment, _) = await CreateAsync(gateway);
        var forged = new PaymentCallback([KeyValuePair.Create("Authority", payment.Authority), KeyValuePair.Create("Status", "OK")]);

        var verification = await gateway.VerifyAsync(new SentPayment(payment.Authority, "17", 3_000_000), null, forged, CancellationToken.None);

        Assert.Equal(SandboxPaymentGateway.MissingAnswer, verification.FailureReason);
        Assert.False(verification.IsAnswer);
    }

    [Fact]
    public async Task A_tampered_answer_fails()
    {
        var gateway = Gateway();
        var (payment, ticket) = await CreateAsync(gateway);
        var address = gateway.CallbackAddress(ticket, approve: true);
        var answer = QueryHelpers.ParseQuery(new Uri(address).Query)[SandboxPaymentGateway.ResultField].ToString();
        var tampered = new PaymentCallback([
            KeyValuePair.Create("Authority", payment.Authority),
            KeyValuePair.Create(SandboxPaymentGateway.ResultField, answer[..^4] + (answer.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA")),
        ]);

        var verification = await gateway.VerifyAsync(new SentPayment(payment.Authority, "17", 3_000_000), null, tampered, CancellationToken.None);

        Assert.Equal(SandboxPaymentGateway.InvalidAnswer, verification.FailureReason);
        Assert.False(verification.IsAnswer);
    }

    [Fact]
    public async Task An_answer_for_one_payment_does_not_verify_another()
    {
        var gateway = Gateway();
        var (_, approvedTicket) = await CreateAsync(gateway);
        var (other, _) = await CreateAsync(gateway);
        var back = CallbackFrom(gateway.CallbackAddress(approvedTicket, approve: true));

        var verification = await gateway.VerifyAsync(new SentPayment(other.Authority, "17", 3_000_000), null, back, CancellationToken.None);

        Assert.Equal(SandboxPaymentGateway.InvalidAnswer, verification.FailureReason);
        Assert.False(verification.IsAnswer);
    }

    [Fact]
    public async Task An_amount_other_than_the_one_paid_fails()
    {
        var gateway = Gateway();
        var (payment, ticket) = await CreateAsync(gateway, amount: 1_000);
        var back = CallbackFrom(gateway.CallbackAddress(ticket, approve: true));

        var verification = await gateway.VerifyAsync(new SentPayment(payment.Authority, "17", 3_000_000), null, back, CancellationToken.None);

        Assert.Equal(SandboxPaymentGateway.AmountMismatch, verification.FailureReason);
    }

    [Fact]
    public async Task A_page_answered_after_its_lifetime_comes_back_expired()
    {
        var gateway = Gateway();
        var (payment, ticket) = await CreateAsync(gateway);
        clock.Advance(TimeSpan.FromMinutes(21));

        Assert.True(gateway.IsExpired(ticket));
        var back = CallbackFrom(gateway.CallbackAddress(ticket, approve: true));
        var verification = await gateway.VerifyAsync(new SentPayment(payment.Authority, "17", 3_000_000), null, back, CancellationToken.None);

        Assert.Equal(SandboxPaymentGateway.SessionExpired, verification.FailureReason);
    }

    [Fact]
    public async Task An_old_answer_no_longer_verifies()
    {
        var gateway = Gateway();
        var (payment, ticket) = await CreateAsync(gateway);
        var back = CallbackFrom(gateway.CallbackAddress(ticket, approve: true));
        clock.Advance(TimeSpan.FromHours(1));

        var verification = await gateway.VerifyAsync(new SentPayment(payment.Authority, "17", 3_000_000), null, back, CancellationToken.None);

        Assert.Equal(SandboxPaymentGateway.AnswerExpired, verification.FailureReason);
    }

    [Fact]
    public async Task Another_installation_with_other_keys_cannot_read_the_answer()
    {
        var (payment, ticket) = await CreateAsync(Gateway());
        var back = CallbackFrom(Gateway().CallbackAddress(ticket, approve: true));

        var verification = await Gateway(new EphemeralDataProtectionProvider()).VerifyAsync(new SentPayment(payment.Authority, "17", 3_000_000), null, back, CancellationToken.None);

        Assert.Equal(SandboxPaymentGateway.InvalidAnswer, verification.FailureReason);
        Assert.False(verification.IsAnswer);
    }

    [Fact]
    public void A_payment_page_on_a_bank_host_is_allowed_as_a_form_target_on_that_page_only()
    {
        var context = new DefaultHttpContext();
        context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; form-action 'self'; frame-ancestors 'none'";

        SecurityHeadersMiddleware.AllowFormSubmissionTo(context.Response, new Uri("https://bank.example/pg/StartPay/A1"));

        Assert.Equal("default-src 'self'; form-action 'self' https://bank.example; frame-ancestors 'none'", context.Response.Headers.ContentSecurityPolicy.ToString());
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset now = now;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
