using System.Globalization;
using CertificateInquiry.BrowserTests.Infrastructure;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertificateInquiry.BrowserTests;

/// <summary>
/// «کارنامه مهارتی من» on a phone: a holder with two records sees both, makes a share code for one, an employer opens it
/// at /share, the holder sees that use under «چه کسانی استعلام کرده‌اند», revokes the code, and the employer's next try fails.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HolderAreaBrowserTests(BrowserFixture fixture)
{
    private async Task<(string NationalCode, string First, string Second)> SeedHolderAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        string nationalCode;
        do
        {
            nationalCode = NationalCode.Complete(Random.Shared.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture));
        }
        while (!NationalCode.IsValid(nationalCode));

        var person = new Person { NationalCode = nationalCode, FirstName = "نرگس", LastName = "صادقی", FatherName = "کریم", BirthDate = new DateOnly(1990, 3, 1), Gender = Gender.Female };
        var standards = await db.TrainingStandards.OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToListAsync();
        var numbers = new[] { "1400-08-" + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture), "1403-08-" + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture) };
        for (var i = 0; i < 2; i++)
        {
            db.Certificates.Add(new Certificate
            {
                Number = numbers[i],
                Kind = i == 0 ? CertificateKind.Certificate : CertificateKind.License,
                Person = person,
                StandardId = standards[i],
                ExamDate = new DateOnly(2021 + (i * 3), 6, 1),
                IssueDate = new DateOnly(2021 + (i * 3), 7, 1),
                ExpiryDate = i == 0 ? null : new DateOnly(2029, 7, 1),
                ProvinceId = 1,
                TrainingCenter = "مرکز آموزش فنی و حرفه‌ای شماره ۱",
                Status = CertificateStatus.Valid,
                Program = i == 0 ? TrainingProgram.Tvto : TrainingProgram.Education,
                Source = i == 0 ? RecordSource.Electronic : RecordSource.Imported,
                VerificationCode = VerificationCode.New(),
            });
        }

        await db.SaveChangesAsync();
        return (nationalCode, numbers[0], numbers[1]);
    }

    [SkippableFact]
    public async Task A_holder_shares_one_certificate_with_an_employer_sees_the_use_and_revokes_the_code()
    {
        fixture.RequireBrowser();
        var (nationalCode, first, second) = await SeedHolderAsync();

        await using var phone = await fixture.NewContextAsync(390, 844, phone: true);
        var recorder = new PageRecorder(phone);
        await fixture.SignInHolderAsync(phone, nationalCode);
        var page = await phone.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Origin, "/my").ToString());
        await Expect(page.Locator("h1")).ToHaveTextAsync("کارنامه مهارتی من");
        await Expect(page.Locator("article.holder-certificate")).ToHaveCountAsync(2);
        await Expect(page.Locator("main")).ToContainTextAsync("نرگس صادقی");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "/my scrolls sideways on a phone.");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "holder-my-certificates.png"), FullPage = true });

        // A code for the second record only, for two weeks.
        await page.Locator("article.holder-certificate").Nth(1).GetByRole(AriaRole.Link, new() { Name = "ساخت کد اشتراک" }).ClickAsync();
        await Expect(page.Locator("#Certificate")).ToHaveValueAsync(second);
        await page.GetByLabel("مدت اعتبار (روز)").FillAsync("۱۴");
        await page.GetByLabel("برای چه کسی؟ (اختیاری)").FillAsync("شرکت ساختمانی پارس");
        await page.GetByRole(AriaRole.Button, new() { Name = "ساختن کد اشتراک" }).ClickAsync();
        var code = (await page.Locator(".share-code strong").TextContentAsync())!.Trim();
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "holder-share-code.png"), FullPage = true });

        // The employer, on the license check page, types the code as they heard it.
        await using (var employer = await fixture.NewContextAsync(390, 844, phone: true))
        {
            var check = await employer.NewPageAsync();
            await check.GotoAsync(new Uri(fixture.Origin, "/licenses/check").ToString());
            await check.GetByRole(AriaRole.Textbox, new() { Name = "کد اشتراک" }).FillAsync(code.ToLowerInvariant().Replace('-', ' '));
            await check.GetByRole(AriaRole.Button, new() { Name = "نمایش با کد اشتراک" }).ClickAsync();
            await Expect(check.Locator("h1")).ToHaveTextAsync("استعلام با کد اشتراک");
            await Expect(check.Locator(".lookup-result")).ToContainTextAsync(second);
            await Expect(check.Locator(".lookup-result")).ToContainTextAsync("کریم"); // the father's name: the full record
            await Expect(check.Locator(".lookup-result")).Not.ToContainTextAsync(first);
            await Expect(check.Locator("main")).Not.ToContainTextAsync("پارس");
            await check.AssertAccessibleAsync();
            await check.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "share-code-employer.png"), FullPage = true });
        }

        // The holder sees the use, once the audit writer has stored it.
        await page.GetByRole(AriaRole.Link, new() { Name = "چه کسانی استعلام کرده‌اند" }).ClickAsync();
        for (var attempt = 0; attempt < 20 && await page.Locator("tbody tr").CountAsync() == 0; attempt++)
        {
            await Task.Delay(250);
            await page.ReloadAsync();
        }

        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("tbody tr")).ToContainTextAsync("کد اشتراک");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "holder-checks.png"), FullPage = true });

        // Revoked: the employer's next try gets the miss.
        await page.GetByRole(AriaRole.Link, new() { Name = "کدهای اشتراک" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "لغو کد" }).ClickAsync();
        await Expect(page.Locator(".share-codes li [data-state]").First).ToHaveTextAsync("لغو شده");
        await using (var employer = await fixture.NewContextAsync(390, 844, phone: true))
        {
            var share = await employer.NewPageAsync();
            await share.GotoAsync(new Uri(fixture.Origin, "/share").ToString());
            await share.GetByRole(AriaRole.Textbox, new() { Name = "کد اشتراک" }).FillAsync(code);
            await share.GetByRole(AriaRole.Button, new() { Name = "نمایش مشخصات" }).ClickAsync();
            await Expect(share.Locator("#miss-title")).ToHaveTextAsync("این کد اشتراک معتبر نیست");
        }

        Assert.Empty(recorder.Problems);
    }
}
