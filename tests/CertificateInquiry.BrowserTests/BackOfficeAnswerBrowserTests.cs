using System.Globalization;
using System.Text.RegularExpressions;
using CertificateInquiry.BrowserTests.Infrastructure;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Files;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertificateInquiry.BrowserTests;

/// <summary>
/// The back-office answers a paper-era request: an expert reviews it and proposes «confirmed» with the certificate
/// found in the archive, a manager of the province approves, the applicant reads the answer on the tracking page and
/// finds the certificate through the online lookup.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BackOfficeAnswerBrowserTests(BrowserFixture fixture)
{
    private const string Password = "a long staff passphrase";

    /// <summary>The authenticator keys of the users who sign in with a code (managers).</summary>
    private readonly Dictionary<string, string> keys = [];

    private async Task CreateUserAsync(string email, string role, string name, string title)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<StaffUserAccounts>()
            .CreateAsync(new NewStaffUser(email, Password, role, name, title, "تهران"), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    /// <summary>A paid request from Tehran with a scanned national card, as the citizen form leaves it.</summary>
    private async Task<(long Id, string TrackingCode, string NationalCode)> FileRequestAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<DocumentStore>();
        var nationalCode = NationalCode.Complete(Random.Shared.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture));
        while (!NationalCode.IsValid(nationalCode))
        {
            nationalCode = NationalCode.Complete(Random.Shared.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture));
        }

        var standard = await db.TrainingStandards.OrderBy(s => s.Id).FirstAsync();
        var now = DateTime.UtcNow;
        var request = new InquiryRequest
        {
            AccessKey = Guid.NewGuid().ToString("N"),
            NationalCode = nationalCode,
            FirstName = "بهروز",
            LastName = "شریفی",
            FatherName = "کاظم",
            BirthDate = new DateOnly(1965, 8, 1),
            Gender = Gender.Male,
            Mobile = "09121112233",
            StandardId = standard.Id,
            ExamYear = 1384,
            ProvinceId = Province.AllNames.ToList().IndexOf("تهران") + 1,
            TrainingCenter = "مرکز آموزش فنی و حرفه‌ای شماره ۲ تهران",
            CreatedAtUtc = now.AddHours(-2),
            UpdatedAtUtc = now.AddHours(-2),
        };
        var trackingCode = TrackingCode.New();
        request.Submit(trackingCode, now.AddHours(-1), IranTime.Today(TimeProvider.System).AddDays(2));
        var scan = await store.SaveAsync("کارت ملی.png", new MemoryStream(TinyPng()), 0, CancellationToken.None);
        request.Documents.Add(new RequestDocument
        {
            Kind = DocumentKind.NationalCard,
            OriginalName = scan.Document!.DisplayName,
            StoredName = scan.Document.StoredName,
            ContentType = scan.Document.ContentType,
            Length = scan.Document.Length,
            Sha256 = scan.Document.Sha256,
            UploadedAtUtc = now.AddHours(-2),
        });
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        return (request.Id, trackingCode, nationalCode);
    }

    // A 1×1 PNG: enough for the document store's signature check and for the browser to show.
    private static byte[] TinyPng() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private async Task<IPage> SignInAsync(IBrowserContext context, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Origin, "/admin/sign-in").ToString());
        await page.AssertAccessibleAsync();
        await page.GetByLabel("ایمیل").FillAsync(email);
        await page.GetByLabel("گذرواژه").FillAsync(Password);
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "ورود", Exact = true }).ClickAsync();
        if (keys.TryGetValue(email, out var key))
        {
            await StaffTwoFactor.EnterCodeAsync(page, key);
        }

        await Expect(page.Locator("h1")).ToHaveTextAsync("میز کار کارشناسان");
        await page.AssertAccessibleAsync();
        return page;
    }

    [SkippableFact]
    public async Task An_expert_proposes_a_confirmed_answer_a_manager_approves_and_the_applicant_and_the_lookup_see_it()
    {
        fixture.RequireBrowser();
        await CreateUserAsync("browser.expert@tvto.example", StaffRoles.ProvincialExpert, "فاطمه رحیمی", "کارشناس بایگانی");
        await CreateUserAsync("browser.manager@tvto.example", StaffRoles.ProvincialManager, "مهدی صالحی", "مدیر کل آموزش فنی و حرفه‌ای استان تهران");
        keys["browser.manager@tvto.example"] = await StaffTwoFactor.EnableAsync(fixture.Services, "browser.manager@tvto.example");
        var (id, trackingCode, nationalCode) = await FileRequestAsync();
        var number = "1384-08-" + Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);

        // The expert finds the request in the province's queue, opens it, starts the review and proposes the answer.
        await using (var expertContext = await fixture.NewContextAsync(1280, 900, phone: false))
        {
            var recorder = new PageRecorder(expertContext);
            var page = await SignInAsync(expertContext, "browser.expert@tvto.example");
            await page.GetByRole(AriaRole.Link, new() { Name = "صف درخواست‌ها" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("صف درخواست‌ها");

            // Other journeys file requests in Tehran too: newest first puts this one on the first page.
            await page.AssertAccessibleAsync();
            await page.GotoAsync(new Uri(fixture.Origin, "/admin/requests?Sort=newest").ToString());
            var row = page.Locator($"tr[data-request-id='{id}']");
            await Expect(row).ToContainTextAsync("بهروز شریفی");
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "back-office-queue.png"), FullPage = true });

            await page.AssertAccessibleAsync();
            await row.GetByRole(AriaRole.Link, new() { Name = trackingCode }).ClickAsync();
            await Expect(page.Locator("h1")).ToContainTextAsync(trackingCode);
            await Expect(page.Locator("[data-documents]")).ToContainTextAsync("کارت ملی");

            // The document viewer opens in a tab as a portal page: the scan is drawn under the CSP (the recorder
            // would report a blocked inline style as a console error).
            var viewer = await page.RunAndWaitForPopupAsync(() => page.Locator("[data-documents] a").First.ClickAsync());
            await Expect(viewer.Locator("h1")).ToContainTextAsync("کارت ملی");
            await Expect(viewer.Locator("img[data-document-image]")).ToBeVisibleAsync();
            Assert.Equal(1, await viewer.Locator("img[data-document-image]").EvaluateAsync<int>("image => image.decode().then(() => image.naturalWidth)"));
            await viewer.AssertAccessibleAsync();
            await viewer.CloseAsync();
            await page.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "آغاز بررسی" }).ClickAsync();
            await Expect(page.Locator("[data-notice]")).ToContainTextAsync("بررسی درخواست آغاز شد");

            await page.GetByLabel("تأیید: گواهینامه در بایگانی یافت شد").CheckAsync();
            await page.GetByLabel("از بایگانی کاغذی وارد می‌شود").CheckAsync();
            await page.GetByLabel("شماره گواهینامه", new() { Exact = true }).FillAsync(number);
            await page.GetByLabel("گواهینامه مهارت", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("تاریخ آزمون").FillAsync("۱۳۸۴/۰۳/۱۵");
            await page.GetByLabel("تاریخ صدور").FillAsync("1384/04/01");
            await page.GetByLabel("دوره").SelectOptionAsync("Tvto");
            await page.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "ثبت پاسخ پیشنهادی" }).ClickAsync();
            await Expect(page.Locator("[data-notice]")).ToContainTextAsync("در انتظار تأیید مدیر استان");
            await Expect(page.Locator("[data-pending-proposal]")).ToContainTextAsync(number);
            await page.AssertAccessibleAsync();
            Assert.Empty(recorder.Problems);
        }

        // A manager of the province reviews the proposal beside the request and approves it.
        await using (var managerContext = await fixture.NewContextAsync(1280, 900, phone: false))
        {
            var page = await SignInAsync(managerContext, "browser.manager@tvto.example");
            await page.GotoAsync(new Uri(fixture.Origin, "/admin/requests?AwaitingApproval=true").ToString());
            await page.AssertAccessibleAsync();
            await page.Locator($"tr[data-request-id='{id}'] a").ClickAsync();
            await Expect(page.Locator("[data-pending-proposal]")).ToContainTextAsync("فاطمه رحیمی");
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "back-office-case.png"), FullPage = true });
            await page.AssertAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "تأیید و صدور پاسخ" }).ClickAsync();
            await Expect(page.Locator("[data-notice]")).ToContainTextAsync("پاسخ تأیید و صادر شد");
            await Expect(page.Locator("[data-answer]")).ToContainTextAsync(number);
            await page.AssertAccessibleAsync();
        }

        await using (var phone = await fixture.NewContextAsync(390, 844, phone: true))
        {
            var page = await SignInAsync(phone, "browser.expert@tvto.example");
            await page.GotoAsync(new Uri(fixture.Origin, "/admin/requests/" + id.ToString(CultureInfo.InvariantCulture)).ToString());
            await Expect(page.Locator("[data-case-status]")).ToContainTextAsync("گواهینامه تأیید شد");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The case page scrolls sideways on a phone.");
            await page.AssertAccessibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "back-office-case-phone.png") });
        }

        // The applicant reads the answer on the tracking page and finds the certificate online.
        await using var applicantContext = await fixture.NewContextAsync(1280, 900, phone: false);
        var applicant = await applicantContext.NewPageAsync();
        await applicant.GotoAsync(new Uri(fixture.Origin, "/requests/track").ToString());
        await applicant.GetByLabel("کد رهگیری").FillAsync(PersianText.ToPersianDigits(trackingCode));
        await applicant.GetByLabel("کد ملی یا کد یکتای اتباع متقاضی").FillAsync(nationalCode);
        await applicant.AssertAccessibleAsync();
        await applicant.GetByRole(AriaRole.Button, new() { Name = "پیگیری", Exact = true }).ClickAsync();
        await Expect(applicant.Locator("main")).ToContainTextAsync("گواهینامه تأیید شد");
        await Expect(applicant.Locator("main")).ToContainTextAsync(number);

        await applicant.AssertAccessibleAsync();
        await applicant.GetByRole(AriaRole.Link, new() { Name = "استعلام برخط گواهینامه" }).ClickAsync();
        await applicant.GetByLabel("کد ملی یا کد یکتای اتباع دارنده").FillAsync(nationalCode);
        await applicant.GetByLabel("شماره گواهینامه یا پروانه مهارت").FillAsync(number);
        await applicant.AssertAccessibleAsync();
        await applicant.GetByRole(AriaRole.Button, new() { Name = "استعلام", Exact = true }).ClickAsync();
        await Expect(applicant.Locator("main")).ToContainTextAsync("بهروز");
        await Expect(applicant.Locator("main")).ToContainTextAsync(new Regex("شریفی"));
        await Expect(applicant.Locator("main")).ToContainTextAsync(number);
        await applicant.AssertAccessibleAsync();
    }
}
