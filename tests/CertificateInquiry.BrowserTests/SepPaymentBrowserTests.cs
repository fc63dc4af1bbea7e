using System.Text.RegularExpressions;
using CertificateInquiry.BrowserTests.Infrastructure;
using CertificateInquiry.FakeProviders;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Requests.Payments;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertificateInquiry.BrowserTests;

/// <summary>
/// Paying through Sep in Chromium, against the fake bank of tests/CertificateInquiry.FakeProviders on its own port:
/// the pay button leaves the portal for the bank's page, the bank's page posts the callback back, and the applicant
/// lands on the confirmation; a payment whose callback the bank dropped is settled by the reconciliation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SepPaymentBrowserTests(BrowserFixture fixture, SepPaymentBrowserTests.SepServer server)
    : IClassFixture<SepPaymentBrowserTests.SepServer>
{
    [GeneratedRegex("^/requests/[0-9]+/submitted$")]
    private static partial Regex SubmittedPath();

    [SkippableFact]
    public async Task An_applicant_pays_through_sep_on_the_banks_page_and_gets_a_tracking_code()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.NewContextAsync(1280, 900, phone: false);
        var recorder = new PageRecorder(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server.Origin, "/__test/payable-draft").ToString());

        await Expect(page.Locator("h1")).ToHaveTextAsync("پرداخت هزینه درخواست");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^پرداخت ") }).ClickAsync();

        // The bank's page, on the bank's origin.
        await Expect(page.Locator("h1")).ToHaveTextAsync("درگاه پرداخت اینترنتی سامان (شبیه‌ساز)");
        Assert.StartsWith(server.BankOrigin.ToString(), page.Url, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "پرداخت", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("پرداخت انجام شد");
        await page.GetByRole(AriaRole.Button, new() { Name = "بازگشت به سایت پذیرنده" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("درخواست شما ثبت شد");
        Assert.Matches(SubmittedPath(), new Uri(page.Url).AbsolutePath);
        var code = await page.Locator("[data-tracking-code-latin]").TextContentAsync();
        Assert.True(TrackingCode.IsWellFormed(code), code);
        var reference = await page.Locator("[data-bank-reference]").TextContentAsync();
        Assert.Contains(server.Sep.Transactions, t => t.Verified && t.Rrn == reference);
        await page.AssertAccessibleAsync();

        Assert.DoesNotContain(recorder.Problems, problem => problem.Contains(server.Origin.ToString(), StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_payment_whose_callback_the_bank_dropped_is_settled_by_the_reconciliation()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.NewContextAsync(1280, 900, phone: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server.Origin, "/__test/payable-draft").ToString());
        var payPage = page.Url;
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^پرداخت ") }).ClickAsync();
        server.Sep.DropCallbacks = true;
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "پرداخت", Exact = true }).ClickAsync();
            await Expect(page.Locator("[data-fake-sep-dropped]")).ToBeVisibleAsync();
        }
        finally
        {
            server.Sep.DropCallbacks = false;
        }

        await using (var scope = server.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PaymentReconciliation>().ReconcileAsync(CancellationToken.None);
        }

        // The applicant comes back to the pay page by hand: the request is paid.
        await page.GotoAsync(payPage);
        await Expect(page.Locator("h1")).ToHaveTextAsync("هزینه این درخواست پرداخت شده است");
    }

    /// <summary>The fake providers and a portal that pays through Sep there (the shared portal keeps the sandbox).</summary>
    public sealed class SepServer : IAsyncLifetime
    {
        private WebApplication? fakes;
        private PortalServer? portal;

        public Uri Origin => portal?.Origin ?? throw new InvalidOperationException("The portal is not running.");

        public IServiceProvider Services => portal?.Services ?? throw new InvalidOperationException("The portal is not running.");

        public Uri BankOrigin => FakeProviderServer.Address(fakes!);

        public FakeSep Sep => fakes!.Services.GetRequiredService<FakeSep>();

        public async Task InitializeAsync()
        {
            if (!File.Exists(BrowserFixture.ChromiumPath))
            {
                return;
            }

            fakes = await FakeProviderServer.StartAsync();
            var settings = FakeSep.PortalSettings(FakeProviderServer.Address(fakes)).ToDictionary(s => s.Key, s => s.Value);
            settings["Payments:Gateway"] = "Sep";
            settings["Payments:Reconciliation:Enabled"] = "false"; // the test runs the pass itself
            settings["Payments:Reconciliation:AskAfter"] = "00:00:00";
            portal = new PortalServer(settings);
            portal.Start();
        }

        public async Task DisposeAsync()
        {
            if (portal is not null)
            {
                await portal.DisposeAsync();
            }

            if (fakes is not null)
            {
                await fakes.DisposeAsync();
            }
        }
    }
}
