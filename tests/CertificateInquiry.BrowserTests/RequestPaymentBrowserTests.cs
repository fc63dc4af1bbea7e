using System.Text.RegularExpressions;
using CertificateInquiry.BrowserTests.Infrastructure;
using CertificateInquiry.Web.Domain.Requests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertificateInquiry.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class RequestPaymentBrowserTests(BrowserFixture fixture)
{
    [GeneratedRegex("^/requests/[0-9]+/submitted$")]
    private static partial Regex SubmittedPath();

    [SkippableFact]
    public async Task An_applicant_pays_through_the_sandbox_gateway_and_gets_a_tracking_code_and_the_back_button_does_not_pay_twice()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.NewContextAsync(1280, 900, phone: false);
        var recorder = new PageRecorder(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Origin, "/__test/payable-draft").ToString());

        await Expect(page.Locator("h1")).ToHaveTextAsync("پرداخت هزینه درخواست");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^پرداخت ") }).ClickAsync();

        await Expect(page.Locator("[data-sandbox-banner]")).ToContainTextAsync("درگاه آزمایشی — پولی جابه‌جا نمی‌شود");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "payment-sandbox-desktop.png"), FullPage = true });
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "تأیید پرداخت" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("درخواست شما ثبت شد");
        Assert.Matches(SubmittedPath(), new Uri(page.Url).AbsolutePath);
        var code = await page.Locator("[data-tracking-code-latin]").TextContentAsync();
        Assert.True(TrackingCode.IsWellFormed(code), code);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "request-submitted-desktop.png"), FullPage = true });

        // Back through the sandbox page to the pay page: it is fetched again and says the fee is paid.
        await page.AssertAccessibleAsync();
        await page.GoBackAsync();
        await page.GoBackAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("هزینه این درخواست پرداخت شده است");
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^پرداخت ") })).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();

        Assert.Empty(recorder.Problems);
        Assert.All(recorder.Requests, url => Assert.StartsWith(fixture.Origin.ToString(), url, StringComparison.Ordinal));
    }
}
