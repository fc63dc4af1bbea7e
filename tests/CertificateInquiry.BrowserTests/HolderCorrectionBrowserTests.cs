using System.Globalization;
using CertificateInquiry.BrowserTests.Infrastructure;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertificateInquiry.BrowserTests;

/// <summary>
/// «گزارش خطا» on a phone: a signed-in holder reports that their father's name is wrong, with a scan; an expert of the
/// issuing province proposes the correction, a manager approves it, and the online lookup shows the corrected name.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HolderCorrectionBrowserTests(BrowserFixture fixture)
{
    private const string Password = "a long staff passphrase";

    private static byte[] TinyPng() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private async Task CreateUserAsync(string email, string role, string name)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<StaffUserAccounts>()
            .CreateAsync(new NewStaffUser(email, Password, role, name, "کارشناس", "تهران"), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    private async Task<(string NationalCode, string Number)> SeedHolderAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var nationalCode = NationalCode.Complete(Random.Shared.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture));
        while (!NationalCode.IsValid(nationalCode))
        {
            nationalCode = NationalCode.Complete(Random.Shared.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture));
        }

        var number = "1399-08-" + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        db.Certificates.Add(new Certificate
        {
            Number = number,
            Person = new Person { NationalCode = nationalCode, FirstName = "مریم", LastName = "کاظمی", FatherName = "حسین", BirthDate = new DateOnly(1985, 5, 1), Gender = Gender.Female },
            StandardId = await db.TrainingStandards.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
            ExamDate = new DateOnly(2020, 6, 1),
            IssueDate = new DateOnly(2020, 7, 1),
            ProvinceId = Province.AllNames.ToList().IndexOf("تهران") + 1,
            TrainingCenter = "مرکز آموزش فنی و حرفه‌ای شماره ۱ تهران",
            Status = CertificateStatus.Valid,
            Program = TrainingProgram.Tvto,
            Source = RecordSource.Electronic,
            VerificationCode = VerificationCode.New(),
        });
        await db.SaveChangesAsync();
        return (nationalCode, number);
    }

    private async Task<IPage> SignInStaffAsync(IBrowserContext context, string email, string? key)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Origin, "/admin/sign-in").ToString());
        await page.GetByLabel("ایمیل").FillAsync(email);
        await page.GetByLabel("گذرواژه").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ورود", Exact = true }).ClickAsync();
        if (key is not null)
        {
            await StaffTwoFactor.EnterCodeAsync(page, key);
        }

        await Expect(page.Locator("h1")).ToHaveTextAsync("میز کار کارشناسان");
        return page;
    }

    [SkippableFact]
    public async Task A_holder_reports_a_wrong_fathers_name_on_a_phone_and_after_approval_the_lookup_shows_the_right_one()
    {
        fixture.RequireBrowser();
        var (nationalCode, number) = await SeedHolderAsync();
        await CreateUserAsync("correction.expert@tvto.example", StaffRoles.ProvincialExpert, "فاطمه رحیمی");
        await CreateUserAsync("correction.manager@tvto.example", StaffRoles.ProvincialManager, "مهدی صالحی");
        var managerKey = await StaffTwoFactor.EnableAsync(fixture.Services, "correction.manager@tvto.example");
        var folder = Directory.CreateTempSubdirectory("ci-correction-").FullName;
        var scan = Path.Combine(folder, "شناسنامه.png");
        await File.WriteAllBytesAsync(scan, TinyPng());

        // The holder, on a phone: the certificate's fields, then the father's name.
        await using (var phone = await fixture.NewContextAsync(390, 844, phone: true))
        {
            var recorder = new PageRecorder(phone);
            await fixture.SignInHolderAsync(phone, nationalCode);
            var page = await phone.NewPageAsync();
            await page.GotoAsync(new Uri(fixture.Origin, "/my/corrections/new?certificate=" + number).ToString());
            await Expect(page.Locator("h1")).ToHaveTextAsync("کدام مورد اشتباه است؟");
            await page.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "گزارش خطا در نام پدر" }).ClickAsync();
            await Expect(page.Locator("[data-current-value]")).ToHaveTextAsync("حسین");

            var form = page.Url;

            // A mistake first: the error summary names it in Persian, and the page title says so.
            await page.GetByLabel("نام پدر درست").FillAsync("Hassan");
            await page.GetByLabel("توضیح").FillAsync("در شناسنامه نام پدرم «حسن» است؛ تصویر آن را فرستادم.");
            await page.GetByLabel("تلفن همراه").FillAsync("۰۹۱۲۷۶۵۴۳۲۱");
            await page.GetByRole(AriaRole.Button, new() { Name = "فرستادن گزارش" }).ClickAsync();
            await Expect(page.Locator(".error-summary li")).ToHaveCountAsync(1);
            await Expect(page.Locator(".error-summary")).ToContainTextAsync("با حروف فارسی");
            Assert.StartsWith("خطا: ", await page.TitleAsync(), StringComparison.Ordinal);
            await page.AssertAccessibleAsync();

            await page.GotoAsync(form);
            await page.GetByLabel("نام پدر درست").FillAsync("حسن");
            await page.GetByLabel("توضیح").FillAsync("در شناسنامه نام پدرم «حسن» است؛ تصویر آن را فرستادم.");
            await page.GetByLabel("تلفن همراه").FillAsync("۰۹۱۲۷۶۵۴۳۲۱");
            await page.GetByLabel("مدرک (اختیاری)").SetInputFilesAsync(scan);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The form scrolls sideways on a phone.");
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "holder-correction.png"), FullPage = true });
            await page.GetByRole(AriaRole.Button, new() { Name = "فرستادن گزارش" }).ClickAsync();
            await Expect(page.Locator("[data-done]")).ToContainTextAsync("گزارش شما ثبت شد");
            await Expect(page.Locator("[data-status-title]").First).ToHaveTextAsync("در حال بررسی");
            await page.AssertAccessibleAsync();
            Assert.Empty(recorder.Problems);
        }

        // The expert of Tehran proposes the correction; a manager approves it.
        await using (var staff = await fixture.NewContextAsync(1280, 900, phone: false))
        {
            var page = await SignInStaffAsync(staff, "correction.expert@tvto.example", null);
            await page.GetByRole(AriaRole.Link, new() { Name = "گزارش‌های خطا" }).ClickAsync();
            await page.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
            await Expect(page.Locator("[data-requested-value]")).ToHaveTextAsync("حسن");
            await page.GetByLabel("درست است: اصلاح شود").CheckAsync();
            await page.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "ثبت پیشنهاد" }).ClickAsync();
            await Expect(page.Locator("[data-done]")).ToContainTextAsync("در انتظار تأیید مدیر");
        }

        await using (var staff = await fixture.NewContextAsync(1280, 900, phone: false))
        {
            var page = await SignInStaffAsync(staff, "correction.manager@tvto.example", managerKey);
            await page.GotoAsync(new Uri(fixture.Origin, "/admin/corrections?status=proposed").ToString());
            await page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
            await Expect(page.Locator("[data-proposal]")).ToContainTextAsync("فاطمه رحیمی");
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "correction-case.png"), FullPage = true });
            await page.GetByRole(AriaRole.Button, new() { Name = "تأیید و اصلاح گواهینامه" }).ClickAsync();
            await Expect(page.Locator("[data-done]")).ToContainTextAsync("تأیید شد");
            await Expect(page.Locator("[data-history] [data-old]")).ToHaveTextAsync("حسین");
            await Expect(page.Locator("[data-history] [data-new]")).ToHaveTextAsync("حسن");
            await page.AssertAccessibleAsync();
        }

        // Anyone looking the certificate up now reads the corrected name.
        await using var visitor = await fixture.NewContextAsync(390, 844, phone: true);
        var lookup = await visitor.NewPageAsync();
        await lookup.GotoAsync(new Uri(fixture.Origin, "/certificates/lookup").ToString());
        await lookup.GetByLabel("کد ملی یا کد یکتای اتباع دارنده").FillAsync(nationalCode);
        await lookup.GetByLabel("شماره گواهینامه یا پروانه مهارت").FillAsync(number);
        await lookup.GetByRole(AriaRole.Button, new() { Name = "استعلام", Exact = true }).ClickAsync();
        await Expect(lookup.Locator("main")).ToContainTextAsync("حسن");
        await Expect(lookup.Locator("main")).Not.ToContainTextAsync("حسین");
        Directory.Delete(folder, recursive: true);
    }
}
