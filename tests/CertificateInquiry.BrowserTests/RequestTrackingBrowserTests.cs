using CertificateInquiry.BrowserTests.Infrastructure;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertificateInquiry.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class RequestTrackingBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task An_applicant_asked_for_more_documents_tracks_the_request_on_a_phone()
    {
        fixture.RequireBrowser();
        var (trackingCode, nationalCode) = await SeedRequestAwaitingDocumentsAsync();
        await using var context = await fixture.NewContextAsync(360, 740, phone: true);
        var recorder = new PageRecorder(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Origin, "/requests/track").ToString());

        await page.GetByLabel("کد رهگیری").FillAsync(PersianText.ToPersianDigits(trackingCode));
        await page.GetByLabel("کد ملی یا کد یکتای اتباع متقاضی").FillAsync(nationalCode);
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "پیگیری", Exact = true }).ClickAsync();

        await Expect(page.Locator(".request-state")).ToHaveTextAsync("در انتظار مدارک تکمیلی");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "مدارک تکمیلی را بفرستید" })).ToBeVisibleAsync();
        await Expect(page.Locator("ol.request-timeline > li")).ToHaveCountAsync(3);
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"The page is {scrollWidth}px wide on a 360px screen.");
        Assert.DoesNotContain(nationalCode, page.Url, StringComparison.Ordinal);
        await page.AssertAccessibleAsync();
        Assert.Empty(recorder.Problems);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "request-tracking-phone.png"), FullPage = true });
    }

    private async Task<(string TrackingCode, string NationalCode)> SeedRequestAwaitingDocumentsAsync()
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var nationalCode = NationalCode.Complete("127" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var trackingCode = TrackingCode.New();
        var today = IranTime.Today(TimeProvider.System);
        var submitted = DateTime.UtcNow.AddDays(-4);
        var request = new InquiryRequest
        {
            AccessKey = Guid.NewGuid().ToString("N"),
            NationalCode = nationalCode,
            FirstName = "زهرا",
            LastName = "نوری",
            StandardId = await db.TrainingStandards.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(),
            ExamYear = 1384,
            ProvinceId = await db.Provinces.Where(p => p.Name == "اصفهان").Select(p => p.Id).SingleAsync(),
            CreatedAtUtc = submitted,
            UpdatedAtUtc = submitted,
        };
        request.Submit(trackingCode, submitted, today.AddDays(-2));
        request.MoveTo(RequestStatus.UnderReview, "staff", "کارشناس استان", submitted.AddDays(1), today.AddDays(7), "بررسی سوابق بایگانی آغاز شد");
        request.MoveTo(RequestStatus.NeedsMoreDocuments, "staff", "کارشناس استان", submitted.AddDays(2), today.AddDays(12),
            "تصویر کارت ملی خوانا نیست؛ لطفاً تصویر رنگی و واضح هر دو روی کارت را بفرستید.");
        request.Messages.Add(new RequestMessage
        {
            AtUtc = submitted.AddDays(2),
            Author = "staff",
            AuthorName = "کارشناس استان",
            Text = "پرونده کاغذی شما در بایگانی اصفهان پیدا شد و در دست بررسی است.",
        });
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        return (trackingCode, nationalCode);
    }
}
