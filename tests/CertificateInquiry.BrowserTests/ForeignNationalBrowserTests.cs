using CertificateInquiry.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertificateInquiry.BrowserTests;

/// <summary>A foreign national (ADR-033) on a phone: the lookup by the 12-digit identifier, and the request form's foreign choice.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ForeignNationalBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task A_foreign_national_looks_up_a_demo_certificate_by_the_unique_identifier_on_a_phone()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.NewContextAsync(360, 740, phone: true);
        var recorder = new PageRecorder(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Origin, "/certificates/lookup").ToString());

        await page.GetByLabel("کد ملی یا کد یکتای اتباع دارنده").FillAsync("۵۰۰۱۲۳۴۵۶۷۸۱");
        await page.GetByLabel("شماره گواهینامه یا پروانه مهارت").FillAsync("1402-19-000201");
        await page.GetByRole(AriaRole.Button, new() { Name = "استعلام", Exact = true }).ClickAsync();

        var result = page.Locator(".record-card");
        await Expect(result).ToContainTextAsync("محمد نادر حیدری");
        await Expect(result).ToContainTextAsync("کد یکتای اتباع");
        await Expect(result).ToContainTextAsync("افغانستان");
        await Expect(result).Not.ToContainTextAsync("کد ملی");
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"The result is {scrollWidth}px wide on a 360px screen.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "lookup-result-foreign-phone.png"), FullPage = true });
        await page.AssertAccessibleAsync();
        Assert.Empty(recorder.Problems);
    }

    [SkippableFact]
    public async Task The_request_form_asks_a_foreign_national_for_the_nationality_and_explains_a_wrong_identifier()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.NewContextAsync(390, 844, phone: true);
        var recorder = new PageRecorder(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Origin, "/requests/new").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "شروع درخواست" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("مشخصات متقاضی");

        // The nationality and the document number appear only for a foreign national.
        await Expect(page.GetByLabel("ملیت")).ToBeHiddenAsync();
        await page.GetByLabel("تبعه خارجی (کد یکتای اتباع)").CheckAsync();
        await Expect(page.GetByLabel("ملیت")).ToBeVisibleAsync();
        var firstOptions = await page.GetByLabel("ملیت").Locator("option").AllTextContentsAsync();
        Assert.Equal(["افغانستان", "عراق", "پاکستان"], firstOptions.Skip(1).Take(3));

        await page.GetByLabel("کد ملی یا کد یکتای اتباع دارنده").FillAsync("۶۰۰۳۴۵۶۷۸۹۱");
        await page.GetByLabel("نام", new() { Exact = true }).FillAsync("حیدر");
        await page.GetByLabel("نام خانوادگی").FillAsync("الموسوی");
        await page.GetByLabel("نام پدر").FillAsync("جاسم");
        await page.GetByLabel("تاریخ تولد").FillAsync("1369/09/03");
        await page.GetByLabel("مرد", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("شماره تلفن همراه").FillAsync("09187650001");
        await page.GetByRole(AriaRole.Button, new() { Name = "ذخیره و ادامه" }).ClickAsync();

        // Eleven digits and no nationality: both said in Persian, in the summary and beside the fields.
        var summary = page.Locator("[data-error-summary]");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync("کد ملی ایرانیان ده رقم و کد یکتای اتباع خارجی دوازده رقم دارد");
        await Expect(summary).ToContainTextAsync("ملیت دارنده را انتخاب کنید");
        await Expect(page.GetByLabel("ملیت")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "request-applicant-foreign-error-phone.png"), FullPage = true });
        await page.AssertAccessibleAsync();

        await page.GetByLabel("کد ملی یا کد یکتای اتباع دارنده").FillAsync("۶۰۰۳۴۵۶۷۸۹۱۲");
        await page.GetByLabel("ملیت").SelectOptionAsync(new SelectOptionValue { Label = "عراق" });
        await page.GetByLabel("شماره گذرنامه یا کارت اقامت روی گواهینامه").FillAsync("A1234567");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "request-applicant-foreign-phone.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "ذخیره و ادامه" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("تأیید شماره تلفن همراه");
        Assert.Empty(recorder.Problems);
    }
}
