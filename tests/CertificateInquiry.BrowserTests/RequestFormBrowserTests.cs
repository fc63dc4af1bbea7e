using CertificateInquiry.BrowserTests.Infrastructure;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertificateInquiry.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class RequestFormBrowserTests(BrowserFixture fixture)
{
    private const string Mobile = "09187654321";

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    private static FilePayload File(string name) => new() { Name = name, MimeType = "application/pdf", Buffer = Pdf };

    [SkippableFact]
    public async Task A_citizen_files_a_request_on_a_phone_with_documents_and_the_sandbox_gateway()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.NewContextAsync(390, 844, phone: true);
        var recorder = new PageRecorder(context);
        var page = await context.NewPageAsync();
        string Shot(string name) => Path.Combine(RepositoryPaths.Screenshots, name);

        await page.GotoAsync(new Uri(fixture.Origin, "/requests/new").ToString());
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "شروع درخواست" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("مشخصات متقاضی");
        await page.GetByLabel("خود دارنده گواهینامه").CheckAsync();
        await Expect(page.GetByLabel("نام سازمان درخواست‌کننده")).ToBeHiddenAsync();
        await page.GetByLabel("کد ملی یا کد یکتای اتباع دارنده").FillAsync("۰۰۸۴۵۷۵۹۴۸");
        await page.GetByLabel("نام", new() { Exact = true }).FillAsync("سعید");
        await page.GetByLabel("نام خانوادگی").FillAsync("نوری");
        await page.GetByLabel("نام پدر").FillAsync("احمد");
        await page.GetByLabel("تاریخ تولد").FillAsync("1360/05/12");
        await page.GetByLabel("مرد", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("شماره تلفن همراه").FillAsync(Mobile);
        await page.ScreenshotAsync(new() { Path = Shot("request-applicant-phone.png"), FullPage = true });
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "ذخیره و ادامه" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("تأیید شماره تلفن همراه");
        var messages = fixture.Services.GetRequiredService<DevelopmentMessageLog>();
        var code = messages.LastCodeSentTo(Mobile)!;
        await page.GetByLabel("کد تأیید").FillAsync(code);
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "تأیید و ادامه" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("مشخصات گواهینامه");
        await page.GetByLabel("رشته یا استاندارد آموزشی").FillAsync("برق‌کار ساختمان درجه ۲");
        await page.GetByLabel("سال آزمون").FillAsync("1380");
        await page.GetByLabel("استان صادرکننده گواهینامه").SelectOptionAsync(new SelectOptionValue { Label = "فارس" });
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "ذخیره و ادامه" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("مدارک");
        await page.GetByLabel("کارت ملی").SetInputFilesAsync(File("national-card.pdf"));
        await page.GetByLabel("شناسنامه").SetInputFilesAsync(File("birth-certificate.pdf"));
        await page.GetByLabel("آخرین مدرک تحصیلی").SetInputFilesAsync(new FilePayload { Name = "degree.pdf", MimeType = "application/pdf", Buffer = "not a pdf at all"u8.ToArray() });
        await page.GetByLabel("کارت پایان خدمت یا معافیت").SetInputFilesAsync(File("military-card.pdf"));
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "بارگذاری و ادامه" }).ClickAsync();

        // The refused file is named in the error summary; the three good ones are kept.
        await Expect(page.Locator("[data-error-summary]")).ToContainTextAsync("degree.pdf");
        await Expect(page.Locator(".documents-sent > div")).ToHaveCountAsync(3);
        await page.ScreenshotAsync(new() { Path = Shot("request-documents-error-phone.png"), FullPage = true });
        await page.GetByLabel("آخرین مدرک تحصیلی").SetInputFilesAsync(File("degree.pdf"));
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "بارگذاری و ادامه" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("پیش از پرداخت، پاسخ‌ها را بررسی کنید");
        await Expect(page.Locator("main")).ToContainTextAsync("سعید نوری");
        await page.ScreenshotAsync(new() { Path = Shot("request-review-phone.png"), FullPage = true });
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "ادامه و پرداخت هزینه" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("پرداخت هزینه درخواست");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^پرداخت ") }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "تأیید پرداخت" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("درخواست شما ثبت شد");
        var trackingCode = await page.Locator("[data-tracking-code-latin]").TextContentAsync();
        Assert.True(TrackingCode.IsWellFormed(trackingCode), trackingCode);
        await page.ScreenshotAsync(new() { Path = Shot("request-submitted-phone.png"), FullPage = true });

        await page.AssertAccessibleAsync();
        await page.GotoAsync(new Uri(fixture.Origin, "/requests/track").ToString());
        await page.GetByLabel("کد رهگیری").FillAsync(trackingCode!);
        await page.GetByLabel("کد ملی یا کد یکتای اتباع متقاضی").FillAsync("0084575948");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "پیگیری" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("ثبت‌شده، در انتظار بررسی");
        await page.AssertAccessibleAsync();

        Assert.Empty(recorder.Problems);
        Assert.All(recorder.Requests, url => Assert.StartsWith(fixture.Origin.ToString(), url, StringComparison.Ordinal));
    }
}
