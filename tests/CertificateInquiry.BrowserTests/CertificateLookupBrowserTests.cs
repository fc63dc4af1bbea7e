using CertificateInquiry.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertificateInquiry.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CertificateLookupBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task A_citizen_looks_up_a_demo_certificate_typed_in_persian_digits_on_a_phone()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.NewContextAsync(360, 740, phone: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Origin, "/certificates/lookup").ToString());

        await page.GetByLabel("کد ملی یا کد یکتای اتباع دارنده").FillAsync("۰۰۷۶۵۴۳۲۱۸");
        await page.GetByLabel("شماره گواهینامه یا پروانه مهارت").FillAsync("1401-08-000101");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "استعلام", Exact = true }).ClickAsync();

        var result = page.Locator(".record-card");
        await Expect(result).ToContainTextAsync("مریم احمدی");
        await Expect(result).ToContainTextAsync("حسابدار عمومی");
        await Expect(result.Locator(".standing")).ToHaveTextAsync("معتبر");
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"The result is {scrollWidth}px wide on a 360px screen.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "lookup-result-phone.png"), FullPage = true });

        await Expect(page).ToHaveTitleAsync("نتیجه استعلام گواهینامه مهارت | استعلام گواهینامه مهارت");
        await Expect(page.Locator(".lookup-result")).ToBeFocusedAsync(); // read out at once by a screen reader
        await page.AssertAccessibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "دریافت گزارش استعلام (PDF)" }).ClickAsync());
        Assert.Equal("tvto-certificate-1401-08-000101.pdf", download.SuggestedFilename);
        var pdf = Path.Combine(Path.GetTempPath(), $"ci-report-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(pdf);
        try
        {
            Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(pdf), 0, 4));
            RenderFirstPage(pdf, Path.Combine(RepositoryPaths.Screenshots, "lookup-report"));
        }
        finally
        {
            File.Delete(pdf);
        }
    }

    /// <summary>The report's page as a PNG beside the other screenshots (poppler's pdftoppm; required under CI).</summary>
    private static void RenderFirstPage(string pdf, string pngWithoutExtension)
    {
        if (!File.Exists("/usr/bin/pdftoppm"))
        {
            Assert.False(BrowserFixture.IsCi, "pdftoppm is missing: apt-get install poppler-utils");
            return;
        }

        var result = ProcessRunner.Run("pdftoppm", ["-png", "-r", "60", "-singlefile", pdf, pngWithoutExtension]);
        Assert.True(result.ExitCode == 0, $"pdftoppm exited with {result.ExitCode}: {result.Errors}");
        Assert.True(File.Exists(pngWithoutExtension + ".png"));
    }

    [SkippableFact]
    public async Task A_wrong_national_code_gets_the_error_summary_with_focus_and_a_link_to_the_field()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.NewContextAsync(1280, 900, phone: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Origin, "/certificates/lookup").ToString());

        await page.GetByLabel("کد ملی یا کد یکتای اتباع دارنده").FillAsync("0076543217");
        await page.GetByLabel("شماره گواهینامه یا پروانه مهارت").FillAsync("1401-08-000101");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "استعلام", Exact = true }).ClickAsync();

        var summary = page.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.GetByRole(AriaRole.Link)).ToContainTextAsync("کد ملی درست نیست");
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^خطا: "));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "lookup-error-desktop.png") });
    }

    [SkippableFact]
    public async Task An_employer_checks_a_license_number_and_sees_the_masked_public_tier()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.NewContextAsync(1280, 900, phone: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Origin, "/licenses/check").ToString());

        await page.GetByLabel("شماره پروانه یا گواهینامه مهارت").FillAsync("1395-17-000103");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "استعلام", Exact = true }).ClickAsync();

        var result = page.Locator(".record-card");
        await Expect(result).ToContainTextAsync("ح. ک.");
        await Expect(result.Locator(".standing")).ToHaveTextAsync("منقضی‌شده");
        await Expect(result).Not.ToContainTextAsync("حسین");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "license-check-desktop.png"), FullPage = true });
    }
}
