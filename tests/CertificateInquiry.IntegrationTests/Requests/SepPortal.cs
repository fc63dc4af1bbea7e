using System.Net;
using AngleSharp.Dom;
using CertificateInquiry.FakeProviders;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests.Payments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Requests;

/// <summary>
/// The portal paying through Sep, against the fake Sep of <c>tests/CertificateInquiry.FakeProviders</c> started
/// in-process on a free port. The reconciliation job is off (tests run a pass themselves), asks at once and reads one
/// payment at a time; the calls time out after a second.
/// </summary>
public class SepPortal : PortalFactory, IAsyncLifetime
{
    private WebApplication? fakes;

    public FakeSep Sep => fakes!.Services.GetRequiredService<FakeSep>();

    /// <summary>The circuit breaker's threshold; the failure tests raise it so that one test's failures do not open it for the next.</summary>
    protected virtual int CircuitBreakerMinimumThroughput => 10;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?>(FakeSep.PortalSettings(FakeProviderServer.Address(fakes!)).Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
        {
            ["Payments:Gateway"] = "Sep",
            // Short enough that the timeout tests stay quick, long enough for a fake that answers on a loaded CI machine
            // (at 1 s a token request timed out while the browser tests ran beside this suite).
            ["Payments:Sep:AttemptTimeout"] = "00:00:03",
            ["Payments:Sep:TotalTimeout"] = "00:00:10",
            ["Payments:Sep:CircuitBreakerMinimumThroughput"] = CircuitBreakerMinimumThroughput.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Payments:Reconciliation:Enabled"] = "false",
            ["Payments:Reconciliation:AskAfter"] = "00:00:00",
            ["Payments:Reconciliation:BatchSize"] = "1", // every pass pages through the open payments
        };

    public async Task InitializeAsync() => fakes = await FakeProviderServer.StartAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (fakes is not null)
        {
            await fakes.DisposeAsync();
        }
    }

    /// <summary>Runs one reconciliation pass, as the job would.</summary>
    public Task<int> ReconcileAsync() => WithServicesAsync(services => services.GetRequiredService<PaymentReconciliation>().ReconcileAsync(CancellationToken.None));

    public Task<Payment> PaymentAsync(long paymentId) => WithDatabaseAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.Id == paymentId));
}

/// <summary>The failure tests' portal: a breaker that never opens in a test's few calls.</summary>
public sealed class SepFailurePortal : SepPortal
{
    protected override int CircuitBreakerMinimumThroughput => 1000;
}

/// <summary>A payment started through Sep: the payer's client, the draft, the token and the payment row's id.</summary>
public sealed record SepPaymentStart(HttpClient Client, InquiryRequest Draft, string Token, long PaymentId);

/// <summary>Drives a payment through the fake Sep as a browser would, step by step.</summary>
public sealed class SepJourney(SepPortal portal)
{
    public const string CallbackPath = "/requests/payment/callback?gateway=Sep";

    private readonly PaymentJourney journey = new(portal);

    public PaymentJourney Requests => journey;

    /// <summary>Posts the pay page's form; asserts the browser is sent to the fake bank's page with a token.</summary>
    public async Task<SepPaymentStart> StartAsync(InquiryRequest? draft = null, HttpClient? client = null)
    {
        draft ??= await journey.CreateCompleteDraftAsync();
        client ??= journey.ClientFor(draft);
        var (response, _) = await journey.StartAsync(client, draft.Id);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var bankPage = response.Headers.Location!;
        Assert.StartsWith(new Uri(new Uri(BankAddress), "OnlinePG/SendToken?token=").ToString(), bankPage.ToString(), StringComparison.Ordinal);
        var token = QueryHelpers.ParseQuery(bankPage.Query)["token"].ToString();
        var payment = (await journey.RequestAsync(draft.Id)).Payments.OrderBy(p => p.Id).Last();
        Assert.Equal(token, payment.Authority);
        return new SepPaymentStart(client, draft, token, payment.Id);
    }

    /// <summary>The fake bank's address as the portal has it.</summary>
    public string BankAddress => portal.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CertificateInquiry.Web.Infrastructure.Payments.PaymentOptions>>().Value.Sep.BaseAddress!.ToString();

    /// <summary>Posts callback fields to the portal's callback address, as the bank's page makes the browser do.</summary>
    public static Task<HttpResponseMessage> PostCallbackAsync(HttpClient client, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostAsync(CallbackPath, new FormUrlEncodedContent(fields));

    /// <summary>The payer presses pay (or cancel) on the bank's page; the callback's fields.</summary>
    public List<KeyValuePair<string, string>> Decide(SepPaymentStart start, bool pay = true) => [.. portal.Sep.Decide(start.Token, pay)];

    public static List<KeyValuePair<string, string>> With(IEnumerable<KeyValuePair<string, string>> fields, string name, string value) =>
        [.. fields.Select(field => string.Equals(field.Key, name, StringComparison.Ordinal) ? KeyValuePair.Create(name, value) : field)];

    public static string Field(IEnumerable<KeyValuePair<string, string>> fields, string name) => fields.Single(f => f.Key == name).Value;

    /// <summary>The fields of the form on a page of the fake bank.</summary>
    public static IEnumerable<KeyValuePair<string, string>> HiddenFields(IElement form) =>
        form.QuerySelectorAll("input[type='hidden']").Select(input => KeyValuePair.Create(input.GetAttribute("name")!, input.GetAttribute("value") ?? ""));

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) => await HtmlPage.ParseAsync(response);
}
