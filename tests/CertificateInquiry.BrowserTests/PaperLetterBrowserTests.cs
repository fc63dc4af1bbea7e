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
/// An agency's paper letter answered in bulk: an expert, on a phone, registers the letter with its list; the row found
/// is answered at once and the other becomes a request, which the expert answers and a manager approves; the manager
/// issues the one answer letter, downloads its PDF, and its verify page confirms it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PaperLetterBrowserTests(BrowserFixture fixture)
{
    private const string Password = "a long staff passphrase";
    private const string Expert = "paper.expert@tvto.example";
    private const string Manager = "paper.manager@tvto.example";

    private string? managerKey;

    private async Task CreateUserAsync(string email, string role, string name, string title)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<StaffUserAccounts>()
            .CreateAsync(new NewStaffUser(email, Password, role, name, title, "تهران"), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    /// <summary>A certificate of Tehran the lookup finds: its holder's national code and its number.</summary>
    private async Task<(string NationalCode, string Number)> SeedCertificateAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var nationalCode = NewNationalCode();
        var certificate = new Certificate
        {
            Number = "1390-08-" + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture),
            Person = new Person { NationalCode = nationalCode, FirstName = "نرگس", LastName = "امینی", FatherName = "جواد", BirthDate = new DateOnly(1980, 1, 1) },
            StandardId = await db.TrainingStandards.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
            ExamDate = new DateOnly(2011, 5, 1),
            IssueDate = new DateOnly(2011, 6, 1),
            ProvinceId = Province.AllNames.ToList().IndexOf("تهران") + 1,
            TrainingCenter = "مرکز شماره ۳ تهران",
            Status = CertificateStatus.Valid,
            Program = TrainingProgram.Tvto,
            Source = RecordSource.Imported,
            VerificationCode = VerificationCode.New(),
        };
        db.Certificates.Add(certificate);
        await db.SaveChangesAsync();
        return (nationalCode, certificate.Number);
    }

    private static string NewNationalCode()
    {
        while (true)
        {
            var code = NationalCode.Complete(Random.Shared.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture));
            if (NationalCode.IsValid(code))
            {
                return code;
            }
        }
    }

    private async Task<IPage> SignInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Origin, "/admin/sign-in").ToString());
        await page.GetByLabel("ایمیل").FillAsync(email);
        await page.GetByLabel("گذرواژه").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "ورود", Exact = true }).ClickAsync();
        if (email == Manager)
        {
            await StaffTwoFactor.EnterCodeAsync(page, managerKey!);
        }

        await Expect(page.Locator("h1")).ToHaveTextAsync("میز کار کارشناسان");
        return page;
    }

    [SkippableFact]
    public async Task An_expert_registers_a_paper_letter_its_rows_are_answered_and_a_manager_issues_the_one_answer_letter()
    {
        fixture.RequireBrowser();
        await CreateUserAsync(Expert, StaffRoles.ProvincialExpert, "زهره کریمی", "کارشناس استعلام");
        await CreateUserAsync(Manager, StaffRoles.ProvincialManager, "حمید توکلی", "مدیر کل آموزش فنی و حرفه‌ای استان تهران");
        managerKey = await StaffTwoFactor.EnableAsync(fixture.Services, Manager);
        var (code, number) = await SeedCertificateAsync();
        var missing = NewNationalCode();
        var letterNumber = "۷۷/" + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture) + "/ق";

        // On a phone, the expert copies the letter: its agency, number, date and purpose, and its list of two rows.
        long requestId;
        await using (var phone = await fixture.NewContextAsync(390, 844, phone: true))
        {
            var recorder = new PageRecorder(phone);
            var page = await SignInAsync(phone, Expert);
            await page.GetByRole(AriaRole.Link, new() { Name = "نامه‌های استعلام کاغذی" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("نامه‌های استعلام کاغذی");
            await page.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "ثبت نامه تازه" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("ثبت نامه استعلام کاغذی");
            await page.AssertAccessibleAsync();
            await page.GetByLabel("نام سازمان").FillAsync("دادگستری کل استان تهران");
            await page.GetByLabel("شماره نامه سازمان").FillAsync(letterNumber);
            await page.GetByLabel("تاریخ نامه").FillAsync("۱۴۰۵/۰۲/۲۰");
            await page.GetByLabel("هدف استعلام").SelectOptionAsync("judicial");
            await page.GetByLabel("فهرست نامه").FillAsync($"۱، {PersianDigits(code)}، {number}، نرگس، امینی\n۲، {missing}، 1381-02-000777");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The form scrolls sideways on a phone.");
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "paper-letter-register-phone.png"), FullPage = true });
            await page.GetByRole(AriaRole.Button, new() { Name = "ثبت نامه و پاسخ ردیف‌ها" }).ClickAsync();

            await Expect(page.Locator("[data-notice]")).ToContainTextAsync("نامه ثبت شد");
            await Expect(page.Locator("[data-row='1']")).ToContainTextAsync("یافت شد");
            await Expect(page.Locator("[data-row='1']")).ToContainTextAsync(number);
            await Expect(page.Locator("[data-row='2']")).ToContainTextAsync("در دست بررسی");
            await Expect(page.Locator("[data-progress]")).ToContainTextAsync("۱ از ۲ ردیف پاسخ گرفته");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The letter's page scrolls sideways on a phone.");
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "paper-letter-phone.png"), FullPage = true });

            // The second row is a request of the province, filed for the agency: the expert reviews it and proposes «not found».
            await page.Locator("[data-row='2'] a[data-row-request]").ClickAsync();
            await Expect(page.Locator("[data-paper-letter]")).ToContainTextAsync("دادگستری کل استان تهران");
            requestId = long.Parse(page.Url.Split('/').Last().Split('?')[0], CultureInfo.InvariantCulture);
            await page.GetByRole(AriaRole.Button, new() { Name = "آغاز بررسی" }).ClickAsync();
            await Expect(page.Locator("[data-notice]")).ToContainTextAsync("بررسی درخواست آغاز شد");
            await page.GetByLabel("در بایگانی یافت نشد").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "ثبت پاسخ پیشنهادی" }).ClickAsync();
            await Expect(page.Locator("[data-notice]")).ToContainTextAsync("در انتظار تأیید مدیر استان");
            Assert.Empty(recorder.Problems);
        }

        // The manager approves the answer, follows the link back to the letter and issues the answer letter.
        await using var desk = await fixture.NewContextAsync(1280, 900, phone: false);
        var manager = await SignInAsync(desk, Manager);
        await manager.GotoAsync(new Uri(fixture.Origin, "/admin/requests/" + requestId.ToString(CultureInfo.InvariantCulture)).ToString());
        await manager.GetByRole(AriaRole.Button, new() { Name = "تأیید و صدور پاسخ" }).ClickAsync();
        await Expect(manager.Locator("[data-notice]")).ToContainTextAsync("پاسخ تأیید و صادر شد");
        await manager.Locator("[data-paper-letter] a").ClickAsync();
        await Expect(manager.Locator("[data-progress]")).ToContainTextAsync("۲ از ۲ ردیف پاسخ گرفته");
        await Expect(manager.Locator("[data-row='2']")).ToContainTextAsync("یافت نشد");
        await manager.AssertAccessibleAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "صدور نامه پاسخ" }).ClickAsync();
        await Expect(manager.Locator("[data-notice]")).ToContainTextAsync("نامه پاسخ صادر شد");
        await Expect(manager.Locator("[data-letter-status]")).ToContainTextAsync("نامه پاسخ صادر شده");
        await manager.AssertAccessibleAsync();
        await manager.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "paper-letter-issued.png"), FullPage = true });

        var download = await manager.RunAndWaitForDownloadAsync(() => manager.Locator("[data-download-answer-letter]").ClickAsync());
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4), StringComparison.Ordinal);

        // Whoever holds the letter opens its verify page (the address behind its QR code).
        string verificationCode;
        string answerNumber;
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var letter = await scope.ServiceProvider.GetRequiredService<AppDbContext>().PaperLetters.AsNoTracking()
                .SingleAsync(l => l.AgencyName == "دادگستری کل استان تهران" && l.IssuedAtUtc != null && l.Rows.Any(r => r.RequestId == requestId));
            (verificationCode, answerNumber) = (letter.VerificationCode!, letter.AnswerLetterNumber!);
        }

        await using var visitorContext = await fixture.NewContextAsync(390, 844, phone: true);
        var visitor = await visitorContext.NewPageAsync();
        await visitor.GotoAsync(new Uri(fixture.Origin, "/letters/verify/" + verificationCode).ToString());
        await Expect(visitor.Locator("[data-letter-number]")).ToHaveTextAsync(answerNumber);
        await Expect(visitor.Locator("[data-letter-rows] tbody tr")).ToHaveCountAsync(2);
        await visitor.AssertAccessibleAsync();
    }

    private static string PersianDigits(string digits) => string.Concat(digits.Select(c => char.IsAsciiDigit(c) ? (char)('۰' + (c - '0')) : c));
}
