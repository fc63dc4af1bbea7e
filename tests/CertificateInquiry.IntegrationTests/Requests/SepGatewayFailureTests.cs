using System.Net;
using CertificateInquiry.FakeProviders;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests.Payments;

namespace CertificateInquiry.IntegrationTests.Requests;

/// <summary>
/// Sep failing: the token request timing out, answering HTTP 5xx or something that is not its JSON — the applicant
/// reads a Persian message, the draft is kept, and the request is sent once (it is not safe to repeat) — and a
/// verification answered 5xx once, which is repeated (asking is safe); a verification that stays unanswered, settled
/// later by the reconciliation, and a decline forged after the approval. <c>/health</c> says degraded, not unhealthy,
/// while the gateway fails. (Apart from <see cref="SepPaymentTests"/>: their failures must not open that portal's circuit.)
/// </summary>
public sealed class SepGatewayFailureTests : IClassFixture<SepFailurePortal>
{
    private readonly SepFailurePortal portal;
    private readonly SepJourney sep;

    public SepGatewayFailureTests(SepFailurePortal portal)
    {
        this.portal = portal;
        sep = new SepJourney(portal);
        portal.Sep.ResetFaults(); // a failed test leaves no fault queued for the next
    }

    public static TheoryData<FakeSepFault> TokenFaults => [FakeSepFault.Timeout, FakeSepFault.ServerError, FakeSepFault.Malformed];

    [Theory]
    [MemberData(nameof(TokenFaults))]
    public async Task A_token_request_that_fails_shows_a_persian_message_keeps_the_draft_and_is_sent_once(FakeSepFault fault)
    {
        var draft = await sep.Requests.CreateCompleteDraftAsync();
        var client = sep.Requests.ClientFor(draft);
        var before = portal.Sep.Requests.Count(r => r.Operation == FakeSep.TokenOperation);
        portal.Sep.FailNext(FakeSep.TokenOperation, new FakeSepAnswer(fault), times: 3);

        var (response, page) = await sep.Requests.StartAsync(client, draft.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(page.QuerySelectorAll("[role='alert']"), alert => alert.Text().Trim() == RequestPayments.GatewayDidNotAnswer);
        Assert.Equal(before + 1, portal.Sep.Requests.Count(r => r.Operation == FakeSep.TokenOperation));
        var request = await sep.Requests.RequestAsync(draft.Id);
        Assert.Equal((RequestStatus.Draft, PaymentStatus.Failed), (request.Status, request.Payments.Single().Status));
    }

    [Fact]
    public async Task A_token_request_the_bank_refuses_shows_the_same_message()
    {
        var draft = await sep.Requests.CreateCompleteDraftAsync();
        portal.Sep.FailNext(FakeSep.TokenOperation, new FakeSepAnswer(FakeSepFault.ErrorCode, 5));

        var (_, page) = await sep.Requests.StartAsync(sep.Requests.ClientFor(draft), draft.Id);

        Assert.Contains(page.QuerySelectorAll("[role='alert']"), alert => alert.Text().Trim() == RequestPayments.GatewayDidNotAnswer);
    }

    [Fact]
    public async Task A_verification_answered_5xx_once_is_asked_again_and_pays()
    {
        var start = await sep.StartAsync();
        var fields = sep.Decide(start);
        portal.Sep.FailNext(FakeSep.VerifyOperation, new FakeSepAnswer(FakeSepFault.ServerError));

        var back = await SepJourney.PostCallbackAsync(start.Client, fields);

        Assert.Equal($"/requests/{start.Draft.Id}/submitted", back.Headers.Location!.ToString());
        Assert.Equal(2, portal.Sep.Requests.Count(r => r.Operation == FakeSep.VerifyOperation && r.Body.Contains(SepJourney.Field(fields, "RefNum"), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_malformed_verification_answer_leaves_the_payment_open_with_a_persian_page()
    {
        var start = await sep.StartAsync();
        var fields = sep.Decide(start);
        portal.Sep.FailNext(FakeSep.VerifyOperation, new FakeSepAnswer(FakeSepFault.Malformed));

        var back = await SepJourney.PostCallbackAsync(start.Client, fields);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, back.StatusCode);
        Assert.Contains("پرداخت", (await HtmlPage.ParseAsync(back)).QuerySelector("h1")!.Text(), StringComparison.Ordinal);
        Assert.Equal(PaymentStatus.CallbackReceived, (await portal.PaymentAsync(start.PaymentId)).Status);

        // The same callback again, once the bank answers: verified and paid.
        var again = await SepJourney.PostCallbackAsync(start.Client, fields);
        Assert.Equal($"/requests/{start.Draft.Id}/submitted", again.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Health_is_degraded_while_the_gateway_fails_and_healthy_once_it_answers()
    {
        var draft = await sep.Requests.CreateCompleteDraftAsync();
        var client = sep.Requests.ClientFor(draft);
        portal.Sep.FailNext(FakeSep.TokenOperation, new FakeSepAnswer(FakeSepFault.ServerError));
        await sep.Requests.StartAsync(client, draft.Id);

        var degraded = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, degraded.StatusCode);
        Assert.Equal("Degraded", await degraded.Content.ReadAsStringAsync());

        await sep.StartAsync(draft, client);
        var healthy = await client.GetAsync("/health");
        Assert.Equal("Healthy", await healthy.Content.ReadAsStringAsync());
    }

    private static string SubmittedPath(long id) => $"/requests/{id}/submitted";

    [Fact]
    public async Task A_verification_that_times_out_leaves_the_payment_open_and_the_reconciliation_verifies_it()
    {
        var start = await sep.StartAsync();
        var fields = sep.Decide(start);
        portal.Sep.FailNext(FakeSep.VerifyOperation, new FakeSepAnswer(FakeSepFault.Timeout), times: 3);

        var back = await SepJourney.PostCallbackAsync(start.Client, fields);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, back.StatusCode);
        Assert.Equal(PaymentStatus.CallbackReceived, (await portal.PaymentAsync(start.PaymentId)).Status);

        portal.Sep.ResetFaults();
        await portal.ReconcileAsync();

        Assert.Equal(PaymentStatus.Paid, (await portal.PaymentAsync(start.PaymentId)).Status);
        Assert.Equal(RequestStatus.Submitted, (await sep.Requests.RequestAsync(start.Draft.Id)).Status);
    }

    [Fact]
    public async Task A_decline_posted_after_the_approval_was_recorded_changes_nothing()
    {
        var start = await sep.StartAsync();
        var approval = sep.Decide(start);
        portal.Sep.FailNext(FakeSep.VerifyOperation, new FakeSepAnswer(FakeSepFault.ServerError), times: 3);
        await SepJourney.PostCallbackAsync(start.Client, approval); // recorded, verification unanswered

        var decline = SepJourney.With(SepJourney.With(SepJourney.With(approval, "Status", "1"), "State", "CanceledByUser"), "RefNum", "");
        var response = await SepJourney.PostCallbackAsync(sep.Requests.ClientWithoutAccess(), decline);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(PaymentStatus.CallbackReceived, (await portal.PaymentAsync(start.PaymentId)).Status);
        portal.Sep.ResetFaults();
        var paid = await SepJourney.PostCallbackAsync(start.Client, approval);
        Assert.Equal(SubmittedPath(start.Draft.Id), paid.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_terminal_number_is_never_logged_even_when_calls_fail()
    {
        var draft = await sep.Requests.CreateCompleteDraftAsync();
        var client = sep.Requests.ClientFor(draft);
        portal.Sep.FailNext(FakeSep.TokenOperation, new FakeSepAnswer(FakeSepFault.ErrorCode, 12));
        await sep.Requests.StartAsync(client, draft.Id);
        var start = await sep.StartAsync(draft, client);
        var fields = sep.Decide(start);
        portal.Sep.FailNext(FakeSep.VerifyOperation, new FakeSepAnswer(FakeSepFault.ErrorCode, -105), times: 3);
        await SepJourney.PostCallbackAsync(client, SepJourney.With(fields, "Amount", "1"));
        await SepJourney.PostCallbackAsync(client, fields);

        Assert.True(portal.LogsContain("could not be verified"), "the unanswered verification was not logged");
        Assert.False(portal.LogsContain(FakeSep.TerminalId), "the terminal number was written to the log");
    }
}
