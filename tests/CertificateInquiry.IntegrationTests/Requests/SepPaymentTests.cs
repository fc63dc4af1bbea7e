using System.Net;
using System.Text.Json;
using CertificateInquiry.FakeProviders;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests.Payments;
using CertificateInquiry.Web.Infrastructure.Payments.Sep;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.Requests;

/// <summary>
/// Paying through Sep against the fake bank: the whole way, and every callback the portal must not believe (another
/// amount, order number or terminal, a replayed RefNum), a double callback, a verification that fails or goes
/// unanswered, a lost callback found by the reconciliation, and a payment the request can no longer take.
/// </summary>
public sealed class SepPaymentTests : IClassFixture<SepPortal>
{
    private readonly SepPortal portal;
    private readonly SepJourney sep;

    public SepPaymentTests(SepPortal portal)
    {
        this.portal = portal;
        sep = new SepJourney(portal);
        portal.Sep.ResetFaults(); // a failed test leaves no fault queued for the next
    }

    private static string SubmittedPath(long id) => $"/requests/{id}/submitted";

    private static string PayPath(long id) => $"/requests/{id}/pay";

    [Fact]
    public async Task A_payment_through_the_banks_page_is_verified_and_submits_the_request()
    {
        var start = await sep.StartAsync();
        var fee = await sep.Requests.TodaysFeeAsync();

        // The bank's page, its pay button, and the page that takes the browser back with the callback.
        using var browser = new HttpClient();
        var bankPage = await SepJourney.ParseAsync(await browser.GetAsync(new Uri(new Uri(sep.BankAddress), "OnlinePG/SendToken?token=" + start.Token)));
        var payForm = bankPage.QuerySelector("form[method='post']")!;
        var paid = await browser.PostAsync(
            new Uri(new Uri(sep.BankAddress), payForm.GetAttribute("action")!.TrimStart('/')["sep/".Length..]),
            new FormUrlEncodedContent(SepJourney.HiddenFields(payForm).Append(KeyValuePair.Create("decision", "pay"))));
        var callbackForm = (await SepJourney.ParseAsync(paid)).QuerySelector("form[method='post']")!;
        Assert.Equal("http://localhost" + SepJourney.CallbackPath, callbackForm.GetAttribute("action"));
        var back = await start.Client.PostAsync(callbackForm.GetAttribute("action"), new FormUrlEncodedContent(SepJourney.HiddenFields(callbackForm)));

        Assert.Equal(SubmittedPath(start.Draft.Id), back.Headers.Location!.ToString());
        var request = await sep.Requests.RequestAsync(start.Draft.Id);
        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.True(TrackingCode.IsWellFormed(request.TrackingCode));
        var payment = Assert.Single(request.Payments);
        var atBank = portal.Sep.Transaction(start.Token)!;
        Assert.Equal((PaymentStatus.Paid, "Sep", fee), (payment.Status, payment.Gateway, payment.AmountRials));
        Assert.Equal(atBank.RefNum, payment.GatewayTransactionId);
        Assert.Equal(atBank.Rrn, payment.ReferenceNumber);
        Assert.NotNull(payment.CallbackReceivedAtUtc);
        Assert.True(atBank.Verified);
        Assert.False(atBank.Reversed);

        // What the portal sent the bank: its terminal, the fee, the payment's id as ResNum, the year's treasury ID.
        var tokenRequest = JsonDocument.Parse(portal.Sep.Requests.Last(r => r.Operation == FakeSep.TokenOperation && r.Body.Contains(start.PaymentId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)).Body).RootElement;
        Assert.Equal("token", tokenRequest.GetProperty("action").GetString());
        Assert.Equal(FakeSep.TerminalId, tokenRequest.GetProperty("TerminalId").GetString());
        Assert.Equal(fee, tokenRequest.GetProperty("Amount").GetInt64());
        Assert.Equal(atBank.ResNum, tokenRequest.GetProperty("ResNum").GetString());
        Assert.Equal(payment.TreasuryPaymentId, atBank.ResNum1);
        Assert.StartsWith("3690", atBank.ResNum1, StringComparison.Ordinal);

        var (_, confirmation) = await HtmlPage.GetAsync(start.Client, SubmittedPath(start.Draft.Id));
        Assert.Equal(atBank.Rrn, confirmation.QuerySelector("[data-bank-reference]")!.Text());
    }

    [Fact]
    public async Task A_payment_cancelled_on_the_banks_page_fails_and_the_draft_can_be_paid_again()
    {
        var start = await sep.StartAsync();

        var back = await SepJourney.PostCallbackAsync(start.Client, sep.Decide(start, pay: false));

        Assert.Equal(PayPath(start.Draft.Id), back.Headers.Location!.ToString());
        var (_, page) = await HtmlPage.GetAsync(start.Client, PayPath(start.Draft.Id));
        Assert.Contains(SepPaymentGateway.DeclinedByPayer, page.QuerySelector("[data-payment-failed]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(PaymentStatus.Failed, (await portal.PaymentAsync(start.PaymentId)).Status);

        var again = await sep.StartAsync(start.Draft, start.Client);
        var paid = await SepJourney.PostCallbackAsync(again.Client, sep.Decide(again));

        Assert.Equal(SubmittedPath(start.Draft.Id), paid.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("Amount", "1000")]
    [InlineData("ResNum", "999999")]
    [InlineData("TerminalId", "99999999")]
    public async Task A_callback_that_differs_from_what_the_portal_sent_pays_nothing_is_logged_and_the_genuine_one_still_pays(string field, string forged)
    {
        var start = await sep.StartAsync();
        var genuine = sep.Decide(start);

        var response = await SepJourney.PostCallbackAsync(sep.Requests.ClientWithoutAccess(), SepJourney.With(genuine, field, forged));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("نتیجه پرداخت معتبر نیست", (await HtmlPage.ParseAsync(response)).QuerySelector("h1")!.Text());
        var untouched = await sep.Requests.RequestAsync(start.Draft.Id);
        Assert.Equal((RequestStatus.Draft, PaymentStatus.Pending), (untouched.Status, untouched.Payments.Single().Status));
        Assert.Equal(0, portal.Sep.Transaction(start.Token)!.VerifyCalls);
        Assert.True(portal.LogsContain($"Payment callback for payment {start.PaymentId} from", "refused"), "the refused callback was not logged");

        var paid = await SepJourney.PostCallbackAsync(start.Client, genuine);

        Assert.Equal(SubmittedPath(start.Draft.Id), paid.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_refnum_already_used_by_another_payment_pays_nothing_and_is_logged()
    {
        var first = await sep.StartAsync();
        var firstFields = sep.Decide(first);
        await SepJourney.PostCallbackAsync(first.Client, firstFields);
        var second = await sep.StartAsync();
        var secondFields = sep.Decide(second, pay: false);

        // The first payment's approval, replayed onto the second: its token, order number and amount, the first RefNum.
        var replay = SepJourney.With(SepJourney.With(SepJourney.With(firstFields, "Token", second.Token), "ResNum", SepJourney.Field(secondFields, "ResNum")), "MID", FakeSep.TerminalId);
        var response = await SepJourney.PostCallbackAsync(second.Client, replay);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var payment = await portal.PaymentAsync(second.PaymentId);
        Assert.Equal((PaymentStatus.Pending, null), (payment.Status, payment.GatewayTransactionId));
        Assert.Equal(RequestStatus.Draft, (await sep.Requests.RequestAsync(second.Draft.Id)).Status);
        Assert.Equal(1, portal.Sep.Transaction(first.Token)!.VerifyCalls);
        Assert.True(portal.LogsContain($"Payment callback for payment {second.PaymentId} from", "names a transaction another payment already holds"), "the replay was not logged");
    }

    [Fact]
    public async Task A_double_callback_submits_once_and_both_show_success()
    {
        var start = await sep.StartAsync();
        var fields = sep.Decide(start);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SepJourney.PostCallbackAsync(sep.Requests.ClientWithoutAccess(), fields)));
        var later = await SepJourney.PostCallbackAsync(start.Client, fields);

        Assert.All(responses.Append(later), response => Assert.Equal(SubmittedPath(start.Draft.Id), response.Headers.Location!.ToString()));
        var request = await sep.Requests.RequestAsync(start.Draft.Id);
        Assert.Single(request.Transitions);
        Assert.Equal(PaymentStatus.Paid, Assert.Single(request.Payments).Status);
        Assert.True(portal.Sep.Transaction(start.Token)!.Verified);
    }

    [Fact]
    public async Task A_verification_the_bank_refuses_after_a_good_callback_fails_the_payment()
    {
        var start = await sep.StartAsync();
        var fields = sep.Decide(start);
        portal.Sep.FailNext(FakeSep.VerifyOperation, new FakeSepAnswer(FakeSepFault.ErrorCode, SepResultCodes.WindowPassed));

        var back = await SepJourney.PostCallbackAsync(start.Client, fields);

        Assert.Equal(PayPath(start.Draft.Id), back.Headers.Location!.ToString());
        var payment = await portal.PaymentAsync(start.PaymentId);
        Assert.Equal((PaymentStatus.Failed, SepPaymentGateway.WindowPassed), (payment.Status, payment.FailureReason));
        Assert.Equal(SepJourney.Field(fields, "RefNum"), payment.GatewayTransactionId);
        Assert.Equal(RequestStatus.Draft, (await sep.Requests.RequestAsync(start.Draft.Id)).Status);
    }

    [Fact]
    public async Task A_payment_whose_callback_was_lost_is_found_by_the_reconciliation_and_submits_the_request()
    {
        var start = await sep.StartAsync();
        sep.Decide(start); // paid at the bank; the browser never comes back

        await portal.ReconcileAsync();

        var payment = await portal.PaymentAsync(start.PaymentId);
        Assert.Equal(PaymentStatus.Paid, payment.Status);
        Assert.Equal(portal.Sep.Transaction(start.Token)!.RefNum, payment.GatewayTransactionId);
        Assert.True(portal.Sep.Transaction(start.Token)!.Verified);
        Assert.Equal(RequestStatus.Submitted, (await sep.Requests.RequestAsync(start.Draft.Id)).Status);

        // The payer's browser, arriving late after all, sees the request paid.
        var late = await SepJourney.PostCallbackAsync(start.Client, FakeSep.CallbackFields(portal.Sep.Transaction(start.Token)!));
        Assert.Equal(SubmittedPath(start.Draft.Id), late.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Three_servers_reconciling_the_same_lost_callback_at_once_submit_the_request_once()
    {
        // The job lease keeps the reconciliation on one server at a time (ADR-038); a server paused past its lease can
        // still overlap the next one, and then each payment's conditional updates keep it to one submission.
        var start = await sep.StartAsync();
        sep.Decide(start);

        await Task.WhenAll(portal.ReconcileAsync(), portal.ReconcileAsync(), portal.ReconcileAsync());

        var payment = await portal.PaymentAsync(start.PaymentId);
        Assert.Equal(PaymentStatus.Paid, payment.Status);
        var request = await sep.Requests.RequestAsync(start.Draft.Id);
        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.NotNull(request.TrackingCode);
        var submissions = await portal.WithDatabaseAsync(db => db.RequestTransitions.CountAsync(t => t.RequestId == start.Draft.Id && t.To == RequestStatus.Submitted));
        Assert.Equal(1, submissions);
    }

    [Fact]
    public async Task The_reconciliation_leaves_a_payment_still_on_the_banks_page_and_fails_one_cancelled_there()
    {
        var waiting = await sep.StartAsync();
        var cancelled = await sep.StartAsync();
        sep.Decide(cancelled, pay: false);

        await portal.ReconcileAsync();

        Assert.Equal(PaymentStatus.Pending, (await portal.PaymentAsync(waiting.PaymentId)).Status);
        Assert.Equal(PaymentStatus.Failed, (await portal.PaymentAsync(cancelled.PaymentId)).Status);
    }

    [Fact]
    public async Task A_payment_for_a_request_already_paid_by_another_is_reversed_at_the_bank()
    {
        var draft = await sep.Requests.CreateCompleteDraftAsync();
        var client = sep.Requests.ClientFor(draft);
        var olderTab = await sep.StartAsync(draft, client);
        var newerTab = await sep.StartAsync(draft, client);
        await SepJourney.PostCallbackAsync(client, sep.Decide(newerTab));

        var late = await SepJourney.PostCallbackAsync(client, sep.Decide(olderTab));

        Assert.Equal(PayPath(draft.Id), late.Headers.Location!.ToString());
        var payment = await portal.PaymentAsync(olderTab.PaymentId);
        Assert.Equal((PaymentStatus.Reversed, RequestPayments.ReversedForPaidRequest), (payment.Status, payment.FailureReason));
        Assert.True(portal.Sep.Transaction(olderTab.Token)!.Reversed);
        Assert.False(portal.Sep.Transaction(newerTab.Token)!.Reversed);
        Assert.Single((await sep.Requests.RequestAsync(draft.Id)).Transitions);
    }
}
