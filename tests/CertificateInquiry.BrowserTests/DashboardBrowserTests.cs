using CertificateInquiry.BrowserTests.Infrastructure;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertificateInquiry.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(BrowserFixture fixture)
{
    private const string Password = "a long staff passphrase";
    private const string ManagerEmail = "dashboard.manager@tvto.example";

    private string managerKey = "";

    /// <summary>
    /// A Tehran manager and a month of Tehran's work: requests in every status (some overdue), answers over the last
    /// weeks, and online lookups of the demo Tehran certificate every day, more on weekdays.
    /// </summary>
    private async Task SeedAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffUserAccounts>();
        var created = await accounts.CreateAsync(
            new NewStaffUser(ManagerEmail, Password, StaffRoles.ProvincialManager, "نرگس تهرانی", "مدیر کل", "تهران"), CancellationToken.None);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        managerKey = await StaffTwoFactor.EnableAsync(fixture.Services, ManagerEmail);

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tehran = await db.Provinces.Where(p => p.Name == "تهران").Select(p => p.Id).SingleAsync();
        var certificate = await db.Certificates.Where(c => c.Number == "1401-08-000101").Select(c => c.Id).SingleAsync();
        var now = DateTime.UtcNow;
        var today = IranTime.Today(TimeProvider.System);
        var random = new Random(1405);

        InquiryRequest Submitted(int daysAgo, int dueInDays)
        {
            var request = new InquiryRequest { AccessKey = Guid.NewGuid().ToString("N"), ProvinceId = tehran, CreatedAtUtc = now, UpdatedAtUtc = now };
            request.Submit(TrackingCode.New(), now.AddDays(-daysAgo), today.AddDays(dueInDays));
            return request;
        }

        for (var i = 0; i < 14; i++)
        {
            var request = Submitted(daysAgo: 20 + i, dueInDays: 2);
            request.MoveTo(RequestStatus.UnderReview, "staff", "کارشناس", now.AddDays(-19 - i), null);
            request.Answer(i % 3 == 0 ? AnswerOutcome.Confirmed : AnswerOutcome.NotFound, null, i % 3 == 0 ? certificate : null,
                "staff", "کارشناس", now.AddDays(-20 - i + 3 + (i % 5) * 2));
            db.Requests.Add(request);
        }

        for (var i = 0; i < 9; i++)
        {
            db.Requests.Add(Submitted(daysAgo: i, dueInDays: i < 3 ? -1 : 2));
        }

        for (var i = 0; i < 6; i++)
        {
            var request = Submitted(daysAgo: 6 + i, dueInDays: 0);
            request.MoveTo(RequestStatus.UnderReview, "staff", "کارشناس", now.AddDays(-5 - i), today.AddDays(i - 2));
            if (i % 2 == 0)
            {
                request.MoveTo(RequestStatus.NeedsMoreDocuments, "staff", "کارشناس", now.AddDays(-4 - i), today.AddDays(10));
            }

            db.Requests.Add(request);
        }

        for (var day = 0; day < 30; day++)
        {
            var at = now.AddDays(-day);
            var weekday = IranTime.ToIranTime(at).DayOfWeek is not DayOfWeek.Friday;
            var count = random.Next(weekday ? 12 : 3, weekday ? 30 : 8);
            for (var i = 0; i < count; i++)
            {
                db.InquiryAudit.Add(new InquiryAuditEntry
                {
                    OccurredAtUtc = at.AddMinutes(-i),
                    Channel = i % 4 == 0 ? InquiryChannel.LicenseCheck : InquiryChannel.CertificateLookup,
                    Outcome = InquiryOutcome.Match,
                    CertificateId = certificate,
                    ClientAddressHash = "dashboard-browser-test",
                });
            }
        }

        await db.SaveChangesAsync();
    }

    [SkippableFact]
    public async Task A_provincial_manager_sees_the_dashboard_charts_drawn_locally_beside_their_tables()
    {
        fixture.RequireBrowser();
        await SeedAsync();
        await using var context = await fixture.NewContextAsync(1280, 900, phone: false);
        var recorder = new PageRecorder(context);
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(fixture.Origin, "/admin/sign-in").ToString());
        await page.GetByLabel("ایمیل").FillAsync(ManagerEmail);
        await page.GetByLabel("گذرواژه").FillAsync(Password);
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "ورود", Exact = true }).ClickAsync();
        await StaffTwoFactor.EnterCodeAsync(page, managerKey);
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "داشبورد" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("داشبورد");
        await Expect(page.Locator("[data-dashboard-scope]")).ToContainTextAsync("استان تهران");
        await page.WaitForFunctionAsync("() => window.Chart && Object.keys(window.Chart.instances).length === 2");
        var drawn = await page.EvaluateAsync<bool>(
            "() => ['chart-by-status', 'chart-lookups'].every(id => { const c = document.getElementById(id); return c.width > 300 && c.height > 150; })");
        Assert.True(drawn, "The charts were not drawn at a useful size.");
        Assert.True(await page.EvaluateAsync<bool>("() => document.fonts.check('13px Vazirmatn')"), "Vazirmatn was not loaded for the charts.");
        Assert.Equal("rtl", await page.EvaluateAsync<string>("() => window.Chart.instances[Object.keys(window.Chart.instances)[0]].options.plugins.legend.textDirection"));
        await Expect(page.Locator("[data-table=by-status] tbody tr")).ToHaveCountAsync(5);
        await Expect(page.Locator("[data-table=lookups] tbody tr")).ToHaveCountAsync(30);
        await Expect(page.Locator("canvas#chart-by-province")).ToHaveCountAsync(0); // a manager has one province

        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "dashboard-desktop.png"), FullPage = true });

        // The narrowest screen WCAG 1.4.10 (reflow) asks for: nothing may scroll sideways; the message names what sticks out.
        await page.SetViewportSizeAsync(320, 640);
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => window.Chart && Object.keys(window.Chart.instances).length === 2");
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var sticking = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
                .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > innerWidth + 1 || r.left < -1); })
                .slice(0, 8)
                .map(e => e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : ''))
            """);
        Assert.True(width <= 320, $"The dashboard is {width}px wide on a 320px screen: {string.Join(", ", sticking)}");
        await page.AssertAccessibleAsync();

        var origin = fixture.Origin.GetLeftPart(UriPartial.Authority);
        Assert.All(recorder.Requests, url => Assert.Equal(origin, new Uri(url).GetLeftPart(UriPartial.Authority)));
        Assert.Contains(recorder.Requests, url => url.Contains("/lib/chartjs/chart.umd.min.", StringComparison.Ordinal));
        Assert.Empty(recorder.Problems); // no Content-Security-Policy violation, no script error, no failed request
    }
}
