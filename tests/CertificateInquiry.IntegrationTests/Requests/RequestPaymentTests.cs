using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests;
using CertificateInquiry.Web.Features.Requests.Payments;
using CertificateInquiry.Web.Infrastructure.Payments;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Requests;

public sealed class RequestPaymentTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly PaymentJourney journey = new(portal);

    private static string SubmittedPath(long id) => $"/requests/{id}/submitted";

    private static string PayPath(long id) => $"/requests/{id}/pay";

    [Fact]
    public async Task The_pay_page_shows_this_years_fee_in_persian_rials()
    {
        var draft = await journey.CreateCompleteDraftAsync();

        var (response, page) = await HtmlPage.GetAsync(journey.ClientFor(draft), PayPath(draft.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(Rials.Format(await journey.TodaysFeeAsync()), page.QuerySelector("[data-fee]")!.Text());
        Assert.NotNull(page.QuerySelector($"form[action='{PayPath(draft.Id)}'] input[name='__RequestVerificationToken']"));
    }

    [Fact]
    public async Task An_approved_payment_submits_the_request_and_the_confirmation_shows_the_tracking_code()
    {
        var draft = await journey.CreateCompleteDraftAsync();
        var client = journey.ClientFor(draft);
        var fee = await journey.TodaysFeeAsync();

        var gatewayPage = await journey.StartToGatewayAsync(client, draft.Id);
        var (sandboxResponse, sandbox) = await HtmlPage.GetAsync(client, gatewayPage);
        Assert.Equal(HttpStatusCode.OK, sandboxResponse.StatusCode);
        Assert.Contains("درگاه آزمایشی — پولی جابه‌جا نمی‌شود", sandbox.QuerySelector("[data-sandbox-banner]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(Rials.Format(fee), sandbox.QuerySelector("[data-amount]")!.Text());

        var callback = await PaymentJourney.DecideAsync(client, gatewayPage, "approve");
        Assert.StartsWith("http://localhost/requests/payment/callback?", callback, StringComparison.Ordinal);
        var back = await client.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal(SubmittedPath(draft.Id), back.Headers.Location!.ToString());

        var (response, page) = await HtmlPage.GetAsync(client, SubmittedPath(draft.Id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("درخواست شما ثبت شد", page.QuerySelector("h1")!.Text());
        var code = page.QuerySelector("bdi[data-tracking-code-latin]")!.Text();
        Assert.True(TrackingCode.IsWellFormed(code), code);
        Assert.Equal("ltr", page.QuerySelector("bdi[data-tracking-code-latin]")!.GetAttribute("dir"));
        Assert.Equal(PersianText.ToPersianDigits(code[..4] + " " + code[4..8] + " " + code[8..]), page.QuerySelector("[data-tracking-code]")!.Text());
        Assert.Equal(Rials.Format(fee), page.QuerySelector("[data-fee-paid]")!.Text());

        var request = await journey.RequestAsync(draft.Id);
        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Equal(code, request.TrackingCode);
        var today = IranTime.Today(TimeProvider.System);
        Assert.Equal(today.AddDays(2), request.DueOn);
        Assert.Equal(JalaliDate.FormatPersian(today.AddDays(12)), page.QuerySelector("[data-expected-answer]")!.Text());
        var transition = Assert.Single(request.Transitions);
        Assert.Equal((RequestStatus.Draft, RequestStatus.Submitted, RequestActor.Applicant), (transition.From!.Value, transition.To, transition.Actor));
        var payment = Assert.Single(request.Payments);
        Assert.Equal((PaymentStatus.Paid, fee, "Sandbox"), (payment.Status, payment.AmountRials, payment.Gateway));
        Assert.Matches("^[0-9]{12}$", payment.ReferenceNumber);
        Assert.Equal(payment.ReferenceNumber, page.QuerySelector("[data-bank-reference]")!.Text());
    }

    [Fact]
    public async Task A_declined_payment_fails_keeps_the_draft_and_it_can_be_paid_again()
    {
        var draft = await journey.CreateCompleteDraftAsync();
        var client = journey.ClientFor(draft);

        var back = await client.GetAsync(await journey.PayAsync(client, draft.Id, "decline"));

        Assert.Equal(PayPath(draft.Id), back.Headers.Location!.ToString());
        var (_, page) = await HtmlPage.GetAsync(client, PayPath(draft.Id));
        var failure = page.QuerySelector("[data-payment-failed]")!.Text();
        Assert.Contains("پرداخت انجام نشد", failure, StringComparison.Ordinal);
        Assert.Contains(SandboxPaymentGateway.DeclinedByPayer, failure, StringComparison.Ordinal);
        var declined = await journey.RequestAsync(draft.Id);
        Assert.Equal(RequestStatus.Draft, declined.Status);
        Assert.Null(declined.TrackingCode);
        Assert.Empty(declined.Transitions);
        Assert.Equal(PaymentStatus.Failed, Assert.Single(declined.Payments).Status);

        var again = await client.GetAsync(await journey.PayAsync(client, draft.Id, "approve"));

        Assert.Equal(SubmittedPath(draft.Id), again.Headers.Location!.ToString());
        var paid = await journey.RequestAsync(draft.Id);
        Assert.Equal(RequestStatus.Submitted, paid.Status);
        Assert.Equal([PaymentStatus.Failed, PaymentStatus.Paid], paid.Payments.OrderBy(p => p.Id).Select(p => p.Status));
    }

    [Fact]
    public async Task A_replayed_callback_pays_and_submits_once_and_still_shows_success()
    {
        var draft = await journey.CreateCompleteDraftAsync();
        var client = journey.ClientFor(draft);
        var callback = await journey.PayAsync(client, draft.Id);

        var first = await client.GetAsync(callback);
        var code = (await journey.RequestAsync(draft.Id)).TrackingCode;
        var second = await client.GetAsync(callback);

        Assert.Equal(SubmittedPath(draft.Id), first.Headers.Location!.ToString());
        Assert.Equal(SubmittedPath(draft.Id), second.Headers.Location!.ToString());
        var request = await journey.RequestAsync(draft.Id);
        Assert.Single(request.Transitions);
        Assert.Equal(code, request.TrackingCode);
        Assert.Equal(PaymentStatus.Paid, Assert.Single(request.Payments).Status);
    }

    [Fact]
    public async Task Concurrent_callbacks_for_one_payment_submit_the_request_once()
    {
        var draft = await journey.CreateCompleteDraftAsync();
        var client = journey.ClientFor(draft);
        var callback = await journey.PayAsync(client, draft.Id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => journey.ClientWithoutAccess().GetAsync(callback)));

        Assert.All(responses, response => Assert.Equal(SubmittedPath(draft.Id), response.Headers.Location!.ToString()));
        var request = await journey.RequestAsync(draft.Id);
        Assert.Single(request.Transitions);
        Assert.True(TrackingCode.IsWellFormed(request.TrackingCode));
    }

    [Fact]
    public async Task A_callback_posted_by_the_bank_is_taken_without_an_antiforgery_token()
    {
        var draft = await journey.CreateCompleteDraftAsync();
        var client = journey.ClientFor(draft);
        var callback = new Uri(await journey.PayAsync(client, draft.Id));
        var fields = QueryHelpers.ParseQuery(callback.Query).Select(field => KeyValuePair.Create(field.Key, field.Value.ToString()));

        var response = await journey.ClientWithoutAccess().PostAsync("/requests/payment/callback", new FormUrlEncodedContent(fields));

        Assert.Equal(SubmittedPath(draft.Id), response.Headers.Location!.ToString());
        Assert.Equal(RequestStatus.Submitted, (await journey.RequestAsync(draft.Id)).Status);
    }

    [Fact]
    public async Task After_payment_the_back_button_shows_the_request_paid_instead_of_paying_again()
    {
        var draft = await journey.CreateCompleteDraftAsync();
        var client = journey.ClientFor(draft);
        await client.GetAsync(await journey.PayAsync(client, draft.Id));
        var code = (await journey.RequestAsync(draft.Id)).TrackingCode!;

        var (response, page) = await HtmlPage.GetAsync(client, PayPath(draft.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("هزینه این درخواست پرداخت شده است", page.QuerySelector("h1")!.Text());
        Assert.Equal(PersianText.ToPersianDigits(code), page.QuerySelector("[data-tracking-code]")!.Text());
        Assert.Null(page.QuerySelector($"form[action='{PayPath(draft.Id)}']"));
        Assert.Single((await journey.RequestAsync(draft.Id)).Payments);
    }

    [Fact]
    public async Task Paying_again_with_an_old_form_after_payment_creates_no_payment()
    {
        var draft = await journey.CreateCompleteDraftAsync();
        var client = journey.ClientFor(draft);
        var (_, payPage) = await HtmlPage.GetAsync(client, PayPath(draft.Id));
        var token = payPage.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        await client.GetAsync(await journey.PayAsync(client, draft.Id));

        // The page kept in the browser's history posts its form again.
        var response = await client.PostAsync(PayPath(draft.Id), new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]));
        var page = await HtmlPage.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("هزینه این درخواست پرداخت شده است", page.QuerySelector("h1")!.Text());
        Assert.Single((await journey.RequestAsync(draft.Id)).Payments);
    }

    [Theory]
    [InlineData("")]
    [InlineData("&Status=NOK")]
    [InlineData("&Status=OK")]
    [InlineData("&Status=OK&SandboxResult=not-an-answer")]
    public async Task A_visit_to_the_callback_without_the_gateways_answer_changes_nothing_and_the_real_approval_still_pays(string fields)
    {
        var draft = await journey.CreateCompleteDraftAsync();
        var client = journey.ClientFor(draft);
        var gatewayPage = await journey.StartToGatewayAsync(client, draft.Id);
        var authority = (await journey.RequestAsync(draft.Id)).Payments.Single().Authority!;

        // Anyone who learns the authority (a shared link, a log, the browser history) visits the callback first.
        var visit = await journey.ClientWithoutAccess().GetAsync($"/requests/payment/callback?gateway=Sandbox&Authority={authority}{fields}");

        Assert.Equal(HttpStatusCode.BadRequest, visit.StatusCode);
        Assert.Equal("نتیجه پرداخت معتبر نیست", (await HtmlPage.ParseAsync(visit)).QuerySelector("h1")!.Text());
        var untouched = await journey.RequestAsync(draft.Id);
        Assert.Equal((RequestStatus.Draft, PaymentStatus.Pending), (untouched.Status, untouched.Payments.Single().Status));

        var approved = await client.GetAsync(await PaymentJourney.DecideAsync(client, gatewayPage, "approve"));

        Assert.Equal(SubmittedPath(draft.Id), approved.Headers.Location!.ToString());
        var paid = await journey.RequestAsync(draft.Id);
        Assert.Equal((RequestStatus.Submitted, PaymentStatus.Paid), (paid.Status, paid.Payments.Single().Status));
    }

    [Fact]
    public async Task A_callback_with_a_tampered_authority_is_refused_and_changes_nothing()
    {
        var draft = await journey.CreateCompleteDraftAsync();
        var client = journey.ClientFor(draft);
        var callback = await journey.PayAsync(client, draft.Id);
        var authority = (await journey.RequestAsync(draft.Id)).Payments.Single().Authority!;
        var tampered = callback.Replace("Authority=" + authority, "Authority=" + authority[..^1] + (authority[^1] == '0' ? '1' : '0'), StringComparison.Ordinal);

        var response = await client.GetAsync(tampered);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("نتیجه پرداخت معتبر نیست", (await HtmlPage.ParseAsync(response)).QuerySelector("h1")!.Text());
        var request = await journey.RequestAsync(draft.Id);
        Assert.Equal(RequestStatus.Draft, request.Status);
        Assert.Equal(PaymentStatus.Pending, request.Payments.Single().Status);
    }

    [Fact]
    public async Task The_answer_for_one_payment_does_not_pay_another()
    {
        var first = await journey.CreateCompleteDraftAsync();
        var second = await journey.CreateCompleteDraftAsync();
        var firstClient = journey.ClientFor(first);
        var secondClient = journey.ClientFor(second);
        var firstCallback = await journey.PayAsync(firstClient, first.Id);
        await journey.StartToGatewayAsync(secondClient, second.Id);
        var secondAuthority = (await journey.RequestAsync(second.Id)).Payments.Single().Authority!;
        var firstAuthority = (await journey.RequestAsync(first.Id)).Payments.Single().Authority!;

        var response = await secondClient.GetAsync(firstCallback.Replace(firstAuthority, secondAuthority, StringComparison.Ordinal));

        // Not an answer about this payment: refused, and the payment waits for its own.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var request = await journey.RequestAsync(second.Id);
        Assert.Equal(RequestStatus.Draft, request.Status);
        Assert.Equal(PaymentStatus.Pending, request.Payments.Single().Status);
    }

    [Fact]
    public async Task A_payment_whose_amount_does_not_match_is_not_paid()
    {
        var draft = await journey.CreateCompleteDraftAsync();
        var client = journey.ClientFor(draft);
        var gatewayPage = await journey.StartToGatewayAsync(client, draft.Id);
        // The bank took a different amount than the payment row asks for.
        await portal.WithDatabaseAsync(db => db.Payments.Where(p => p.RequestId == draft.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.AmountRials, 5_000_000)));

        var response = await client.GetAsync(await PaymentJourney.DecideAsync(client, gatewayPage, "approve"));

        Assert.Equal(PayPath(draft.Id), response.Headers.Location!.ToString());
        var request = await journey.RequestAsync(draft.Id);
        Assert.Equal(RequestStatus.Draft, request.Status);
        Assert.Equal((PaymentStatus.Failed, SandboxPaymentGateway.AmountMismatch), (request.Payments.Single().Status, request.Payments.Single().FailureReason));
    }

    [Fact]
    public async Task A_second_payment_completed_after_the_first_is_not_verified_and_the_request_stays_submitted_once()
    {
        var draft = await journey.CreateCompleteDraftAsync();
        var client = journey.ClientFor(draft);
        var olderTab = await journey.StartToGatewayAsync(client, draft.Id);
        await client.GetAsync(await journey.PayAsync(client, draft.Id));

        var late = await client.GetAsync(await PaymentJourney.DecideAsync(client, olderTab, "approve"));

        Assert.Equal(PayPath(draft.Id), late.Headers.Location!.ToString());
        var request = await journey.RequestAsync(draft.Id);
        Assert.Single(request.Transitions);
        var payments = request.Payments.OrderBy(p => p.Id).ToArray();
        Assert.Equal((PaymentStatus.Failed, RequestPayments.PaidByAnotherPayment), (payments[0].Status, payments[0].FailureReason));
        Assert.Equal(PaymentStatus.Paid, payments[1].Status);
    }

    [Fact]
    public async Task Pay_and_confirmation_pages_need_the_requests_access_cookie()
    {
        var draft = await journey.CreateCompleteDraftAsync();
        var other = await journey.CreateCompleteDraftAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await journey.ClientWithoutAccess().GetAsync(PayPath(draft.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await journey.ClientFor(other).GetAsync(PayPath(draft.Id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await journey.ClientFor(other).GetAsync(SubmittedPath(draft.Id))).StatusCode);
    }

    [Fact]
    public async Task The_confirmation_of_an_unpaid_draft_sends_back_to_the_pay_page()
    {
        var draft = await journey.CreateCompleteDraftAsync();

        var response = await journey.ClientFor(draft).GetAsync(SubmittedPath(draft.Id));

        Assert.Equal(PayPath(draft.Id), response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task An_incomplete_draft_cannot_be_paid()
    {
        var draft = await journey.CreateCompleteDraftAsync(complete: false);
        var client = journey.ClientFor(draft);

        var (_, page) = await HtmlPage.GetAsync(client, PayPath(draft.Id));
        var response = await client.PostAsync(PayPath(draft.Id), new FormUrlEncodedContent([
            KeyValuePair.Create("__RequestVerificationToken", await TokenAsync(client, "/requests/track")),
        ]));

        Assert.NotNull(page.QuerySelector("[data-payment-not-ready]"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await HtmlPage.ParseAsync(response)).QuerySelector("[data-payment-not-ready]"));
        Assert.Empty((await journey.RequestAsync(draft.Id)).Payments);
    }

    [Fact]
    public async Task A_tracking_code_that_is_already_taken_is_drawn_again()
    {
        var holder = await journey.CreateCompleteDraftAsync();
        var takenCode = TrackingCode.New();
        await portal.WithDatabaseAsync(db => db.Requests.Where(r => r.Id == holder.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.TrackingCode, takenCode)));
        var draft = await journey.CreateCompleteDraftAsync();
        var client = journey.ClientFor(draft);
        var callback = new Uri(await journey.PayAsync(client, draft.Id));
        var freshCode = TrackingCode.New();

        await using var scope = portal.Services.CreateAsyncScope();
        var payments = scope.ServiceProvider.GetRequiredService<RequestPayments>();
        var codes = new Queue<string>([takenCode, freshCode]);
        payments.NewTrackingCode = codes.Dequeue;
        var outcome = await payments.CompleteAsync(
            new PaymentCallback(QueryHelpers.ParseQuery(callback.Query).Select(f => KeyValuePair.Create(f.Key, f.Value.ToString()))),
            CancellationToken.None);

        Assert.Equal(PaymentCompletionStatus.Paid, outcome.Status);
        var request = await journey.RequestAsync(draft.Id);
        Assert.Equal(freshCode, request.TrackingCode);
        Assert.Single(request.Transitions);
        Assert.Equal(PaymentStatus.Paid, request.Payments.Single().Status);
    }

    [Fact]
    public async Task The_submission_email_promises_the_answer_on_the_date_the_receipt_gives()
    {
        var draft = await journey.CreateCompleteDraftAsync();
        var email = "expected-date-" + draft.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "@example.com";
        await portal.WithDatabaseAsync(db => db.Requests.Where(r => r.Id == draft.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Email, email)));
        var client = journey.ClientFor(draft);

        await client.GetAsync(await journey.PayAsync(client, draft.Id));

        var (_, page) = await HtmlPage.GetAsync(client, SubmittedPath(draft.Id));
        var onConfirmation = page.QuerySelector("[data-expected-answer]")!.Text();
        var receipt = await portal.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<CertificateInquiry.Web.Data.AppDbContext>();
            var request = await db.Requests.Include(r => r.Payments).Include(r => r.Documents).Include(r => r.Standard).Include(r => r.Province)
                .SingleAsync(r => r.Id == draft.Id);
            return RequestReceipt.From(request, services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RequestServiceLevels>>().Value, "http://localhost/requests/track");
        });
        var message = await portal.WaitForMessageAsync(m => m.Recipient == email);

        Assert.Equal(JalaliDate.FormatPersian(receipt.ExpectedAnswerOn!.Value), onConfirmation);
        Assert.Contains("پاسخ تا " + onConfirmation + " آماده می‌شود.", message.Text, StringComparison.Ordinal);
    }

    private static async Task<string> TokenAsync(HttpClient client, string pagePath)
    {
        var (_, page) = await HtmlPage.GetAsync(client, pagePath);
        return page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
    }
}
