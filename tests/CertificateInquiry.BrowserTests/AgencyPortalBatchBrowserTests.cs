using System.Globalization;
using System.Text;
using CertificateInquiry.BrowserTests.Infrastructure;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertificateInquiry.BrowserTests;

/// <summary>
/// An agency officer, signed in to the agency portal, uploads a CSV batch, watches its progress bar (the page's own
/// script polling the portal, under the Content-Security-Policy) reach 100%, and downloads the results.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AgencyPortalBatchBrowserTests(BrowserFixture fixture)
{
    // Large enough that the batch is still running when its page first renders (3,000 rows were sometimes answered
    // before that, leaving the polling script nothing to do), small enough to finish in a few seconds.
    private const int Rows = 20_000;

    private static byte[] BatchFile()
    {
        var text = new StringBuilder("row_id,national_code,certificate_number,first_name,last_name\r\n");
        text.Append("r-0,۰۰۷۶۵۴۳۲۱۸,1401-08-000101,مريم,احمدي\r\n"); // the demo's first holder, in Persian digits and Arabic letters
        var seed = 100_000_000;
        for (var i = 1; i < Rows; i++)
        {
            string code;
            do
            {
                code = NationalCode.Complete((seed += 7919).ToString(CultureInfo.InvariantCulture));
            }
            while (!NationalCode.IsValid(code));
            text.Append(CultureInfo.InvariantCulture, $"r-{i},{code},1390-01-{i:000000},,\r\n");
        }

        return [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    [Fact]
    public async Task An_officer_uploads_a_batch_watches_its_progress_reach_100_percent_and_downloads_the_results()
    {
        fixture.RequireBrowser();
        var (email, key, _) = await AgencyPortalAccounts.CreateAsync(fixture.Services);
        await using var context = await fixture.NewContextAsync(1280, 900, phone: false);
        var recorder = new PageRecorder(context);
        var page = await context.NewPageAsync();
        await AgencyPortalAccounts.SignInAsync(page, fixture.Origin, email, key);

        await page.GetByRole(AriaRole.Link, new() { Name = "استعلام دسته‌ای" }).First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("استعلام دسته‌ای");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("فایل فهرست").SetInputFilesAsync(new FilePayload { Name = "officers-list.csv", MimeType = "text/csv", Buffer = BatchFile() });
        await page.GetByLabel("هدف استعلام").SelectOptionAsync("employment");
        await page.GetByLabel("شماره پرونده یا نامه در دستگاه").FillAsync("استخدام ۱۴۰۵/۴۲");
        await page.GetByRole(AriaRole.Button, new() { Name = "فرستادن فایل" }).ClickAsync();

        // The batch's page: the script hides the refresh link and moves the bar until every row is answered.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/agency/batches/[0-9a-f]{32}$"));
        var bar = page.Locator("[data-progress-bar]");
        await Expect(bar).ToBeVisibleAsync();
        await Expect(bar).ToHaveAttributeAsync("value", "100", new() { Timeout = 60_000 });
        await Expect(page.Locator("[data-batch-results]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-progress-status]")).ToHaveTextAsync("پایان‌یافته");
        await Expect(page.Locator("[data-count='total']")).ToHaveTextAsync(PersianText.ToPersianDigits(Rows));
        await Expect(page.Locator("[data-count='verified']")).ToHaveTextAsync("۱");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "agency-portal-batch.png"), FullPage = true });
        Assert.True(recorder.Problems.Count == 0, string.Join("; ", recorder.Problems)); // the polling script ran under the CSP without an error
        Assert.Contains(recorder.Requests, url => url.Contains("/progress", StringComparison.Ordinal));

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-download='csv']").ClickAsync());
        var path = await download.PathAsync();
        var lines = (await File.ReadAllLinesAsync(path!, Encoding.UTF8)).Where(l => l.Length > 0).ToList();
        Assert.Equal(Rows + 1, lines.Count);
        Assert.StartsWith("r-0,1,verified,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("r-1,2,not_found,", lines[2], StringComparison.Ordinal);

        var signature = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-download='csv-jws']").ClickAsync());
        Assert.Equal(3, (await File.ReadAllTextAsync((await signature.PathAsync())!)).Split('.').Length);

        // The history lists it with a Jalali date.
        await page.GetByRole(AriaRole.Link, new() { Name = "بازگشت به فایل‌ها" }).ClickAsync();
        await Expect(page.Locator("[data-batch-history] tbody tr").First).ToContainTextAsync("officers-list.csv");

        // A download ends its navigation request as "aborted" in Chromium: nothing else may have failed.
        var problems = recorder.Problems.Where(p => !(p.Contains("/results", StringComparison.Ordinal) && p.Contains("ERR_ABORTED", StringComparison.Ordinal)));
        Assert.True(!problems.Any(), string.Join("; ", problems));
    }

    [Fact]
    public async Task An_officer_asks_one_inquiry_gets_the_signed_answer_and_sees_it_in_the_usage_report()
    {
        fixture.RequireBrowser();
        var (email, key, _) = await AgencyPortalAccounts.CreateAsync(fixture.Services);
        await using var context = await fixture.NewContextAsync(390, 844, phone: true);
        var recorder = new PageRecorder(context);
        var page = await context.NewPageAsync();
        await AgencyPortalAccounts.SignInAsync(page, fixture.Origin, email, key);

        await page.GotoAsync(new Uri(fixture.Origin, "/agency/inquiries/new").ToString());
        await Expect(page.Locator("h1")).ToHaveTextAsync("استعلام تکی");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("کد ملی یا کد یکتای اتباع دارنده").FillAsync("۰۰۷۶۵۴۳۲۱۸");
        await page.GetByLabel("شماره گواهینامه یا پروانه مهارت").FillAsync("1401-08-000101");
        await page.GetByLabel("نام خانوادگی دارنده").FillAsync("احمدي");
        await page.GetByLabel("هدف استعلام").SelectOptionAsync("licensing");
        await page.GetByLabel("شماره پرونده یا نامه در دستگاه").FillAsync("پروانه ۱۴۰۵/۹");
        await page.GetByRole(AriaRole.Button, new() { Name = "استعلام", Exact = true }).ClickAsync();

        await Expect(page.Locator("[data-agency-answer] h2")).ToHaveTextAsync("نتیجه: یافت شد");
        await Expect(page.Locator("[data-name-match='last']")).ToContainTextAsync("مطابق است");
        await Expect(page.Locator("[data-signed-answer]")).Not.ToBeEmptyAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The answer scrolls sideways on a phone.");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "agency-portal-inquiry-phone.png"), FullPage = true });

        // The audit reaches the database within a second or so; the usage page then counts it for today.
        var today = JalaliDate.Format(IranTime.Today(TimeProvider.System));
        await page.GotoAsync(new Uri(fixture.Origin, "/agency/usage").ToString());
        for (var attempt = 0; attempt < 20 && await page.Locator($"[data-usage-day='{today}'] [data-cell='portal']").TextContentAsync() != "۱"; attempt++)
        {
            await Task.Delay(250);
            await page.ReloadAsync();
        }

        await Expect(page.Locator($"[data-usage-day='{today}'] [data-cell='portal']")).ToHaveTextAsync("۱");
        await Expect(page.Locator("[data-usage-chart] svg")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "agency-portal-usage-phone.png"), FullPage = true });
        Assert.True(recorder.Problems.Count == 0, string.Join("; ", recorder.Problems));
    }
}
