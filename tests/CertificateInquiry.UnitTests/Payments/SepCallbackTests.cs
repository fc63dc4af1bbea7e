using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Payments;
using CertificateInquiry.Web.Infrastructure.Payments.Sep;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.UnitTests.Payments;

/// <summary>
/// Sep's callback read against what the portal sent, before anything is believed or the bank is asked; and the
/// payment state machine's edges.
/// </summary>
public sealed class SepCallbackTests
{
    private const string Terminal = "11223344";

    private static readonly SentPayment Sent = new("token-1", "42", 3_000_000);

    // Reading a callback makes no call: the HTTP factories are not needed.
    private static readonly SepPaymentGateway Gateway = new(
        null!,
        null!,
        Options.Create(new PaymentOptions { Sep = new SepGatewayOptions { Enabled = true, BaseAddress = new Uri("https://bank.example/"), TerminalId = Terminal } }));

    private static PaymentCallback Callback(params (string Name, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["MID"] = Terminal, ["TerminalId"] = Terminal, ["RefNum"] = "REF-1", ["ResNum"] = "42", ["State"] = "OK", ["Status"] = "2",
            ["Amount"] = "3000000", ["Rrn"] = "123456789012", ["TraceNo"] = "654321", ["Token"] = "token-1",
        };
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return new PaymentCallback(fields);
    }

    [Fact]
    public void An_approval_that_matches_what_was_sent_names_its_refnum()
    {
        var read = Gateway.ReadCallback(Sent, Callback());

        Assert.Equal(GatewayCallback.Approved("REF-1"), read);
        Assert.Equal("token-1", Gateway.ReadAuthority(Callback()));
    }

    [Theory]
    [InlineData("Amount", "2999999")]
    [InlineData("Amount", "3,000,000")]
    [InlineData("ResNum", "43")]
    [InlineData("TerminalId", "99999999")]
    [InlineData("Token", "token-2")]
    [InlineData("State", "Failed")]
    [InlineData("Status", "OK")]
    [InlineData("RefNum", "")]
    public void A_callback_that_differs_from_what_was_sent_is_refused(string field, string value)
    {
        Assert.Equal(GatewayCallbackOutcome.Refused, Gateway.ReadCallback(Sent, Callback((field, value))).Outcome);
    }

    [Theory]
    [InlineData("1", SepPaymentGateway.DeclinedByPayer)]
    [InlineData("3", SepPaymentGateway.PaymentFailed)]
    [InlineData("4", SepPaymentGateway.SessionExpired)]
    public void A_callback_saying_the_payment_did_not_happen_is_a_decline_with_a_persian_reason(string status, string reason)
    {
        var read = Gateway.ReadCallback(Sent, Callback(("Status", status), ("State", "CanceledByUser"), ("RefNum", ""), ("Amount", "0")));

        Assert.Equal(GatewayCallback.Declined(reason), read);
    }

    [Fact]
    public void A_verify_answer_reads_the_numbers_sep_writes_as_strings_or_as_numbers()
    {
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)
        {
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
        };
        const string Answer = """
            {"TransactionDetail":{"RRN":14226761817,"RefNum":"REF-1","MaskedPan":"621986****1234","HashedPan":"x","TerminalNumber":"11223344",
             "OrginalAmount":3000000,"AffectiveAmount":"3000000","StraceDate":"2026-12-07 10:00:00","StraceNo":100200},
             "ResultCode":0,"ResultDescription":"ok","Success":true}
            """;

        var answer = System.Text.Json.JsonSerializer.Deserialize<SepTransactionAnswer>(Answer, options)!;

        Assert.Equal(("14226761817", "100200", 11223344L, 3_000_000L), (answer.TransactionDetail!.Rrn, answer.TransactionDetail.StraceNo, answer.TransactionDetail.TerminalNumber, answer.TransactionDetail.OrginalAmount));
    }

    [Fact]
    public void A_settled_payment_cannot_move_and_an_open_one_moves_only_forward()
    {
        Assert.Equal([PaymentStatus.Pending], PaymentTransitions.From(PaymentStatus.CallbackReceived));
        Assert.Equal([PaymentStatus.Pending, PaymentStatus.CallbackReceived], PaymentTransitions.From(PaymentStatus.Paid));
        Assert.Equal([PaymentStatus.Pending, PaymentStatus.CallbackReceived], PaymentTransitions.From(PaymentStatus.Reversed));
        Assert.Empty(PaymentTransitions.From(PaymentStatus.Pending));
        Assert.All(Enum.GetValues<PaymentStatus>(), to => Assert.DoesNotContain(PaymentStatus.Paid, PaymentTransitions.From(to)));
        Assert.All(Enum.GetValues<PaymentStatus>(), to => Assert.DoesNotContain(PaymentStatus.Reversed, PaymentTransitions.From(to)));
    }
}
