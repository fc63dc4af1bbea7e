using System.Net;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.CertificateLookup;

public sealed class LicenseCheckAndVerifyTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    private Task<(HttpResponseMessage Response, IDocument Document)> CheckAsync(string number, string nationalCode = "") =>
        Forms.SubmitAsync(portal.CreateClient(), "/licenses/check", "/licenses/check",
            ("LicenseNumber", number), ("NationalCode", nationalCode));

    private static string? Field(IDocument page, string label) =>
        page.QuerySelectorAll(".record > div").SingleOrDefault(row => row.QuerySelector("dt")!.Text() == label)?.QuerySelector("dd")!.Text();

    [Fact]
    public async Task By_number_alone_an_employer_sees_the_public_tier_with_the_name_masked()
    {
        var (response, page) = await CheckAsync("1402-04-000102");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("پروانه مهارت", page.QuerySelector(".record-card__title")!.Text());
        Assert.Equal("ع. ر.", Field(page, "نام دارنده"));
        Assert.Equal("برق‌کار ساختمان درجه ۲", Field(page, "حرفه (استاندارد آموزشی)"));
        Assert.Equal("۱۴۰۲/۰۳/۰۱", Field(page, "تاریخ صدور"));
        Assert.Equal("۱۴۰۷/۰۳/۰۱", Field(page, "تاریخ پایان اعتبار"));
        Assert.Equal("اصفهان", Field(page, "استان صادرکننده"));
        Assert.Equal("معتبر", Field(page, "وضعیت"));
        foreach (var hidden in new[] { "نام پدر", "کد ملی", "کد استاندارد", "تاریخ آزمون", "مرکز آموزش", "محل آموزش", "ساعت آموزش" })
        {
            Assert.Null(Field(page, hidden));
        }

        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain("علی", html, StringComparison.Ordinal);
        Assert.DoesNotContain("رضایی", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/verify/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_holders_national_code_the_employer_sees_the_full_record()
    {
        var (_, page) = await CheckAsync("1402-04-000102", "۱۲۷۰۱۲۳۴۵۹");

        Assert.Equal("علی رضایی", Field(page, "نام دارنده"));
        Assert.Equal("محمود", Field(page, "نام پدر"));
        Assert.NotNull(page.QuerySelector(".record-card__verify a"));
    }

    [Fact]
    public async Task With_someone_elses_national_code_the_answer_is_the_uniform_miss_of_an_unknown_number()
    {
        var (_, wrongCode) = await CheckAsync("1402-04-000102", "0076543218");
        var (_, unknownNumber) = await CheckAsync("1402-04-999999", "0076543218");

        // Nothing says the number exists: no initials, no province, no "does not match".
        Assert.Null(wrongCode.QuerySelector(".record"));
        Assert.Null(wrongCode.QuerySelector(".record-card__warning"));
        var html = wrongCode.DocumentElement.OuterHtml;
        foreach (var revealing in new[] { "ع. ر.", "اصفهان", "یکی نیست", "برق‌کار" })
        {
            Assert.DoesNotContain(revealing, html, StringComparison.Ordinal);
        }

        Assert.Equal(
            unknownNumber.QuerySelector(".lookup-miss")!.OuterHtml,
            wrongCode.QuerySelector(".lookup-miss")!.OuterHtml);
    }

    [Fact]
    public async Task Revoked_and_expired_show_in_the_public_tier()
    {
        var (_, revoked) = await CheckAsync("1398-13-000104");
        var (_, expired) = await CheckAsync("1395-17-000103");

        Assert.Equal("ابطال‌شده", Field(revoked, "وضعیت"));
        Assert.Equal("منقضی‌شده", Field(expired, "وضعیت"));
    }

    [Fact]
    public async Task An_unknown_number_or_a_bad_national_code_is_answered_in_persian()
    {
        var (_, unknown) = await CheckAsync("1402-04-999999");
        var (_, badCode) = await CheckAsync("1402-04-000102", "1270123458");

        Assert.Contains("پیدا نشد", unknown.QuerySelector(".lookup-miss")!.Text(), StringComparison.Ordinal);
        Assert.Contains("کد ملی درست نیست", badCode.QuerySelector(".error-summary a[href='#NationalCode']")!.Text(), StringComparison.Ordinal);
        Assert.Null(badCode.QuerySelector(".record"));
    }

    [Fact]
    public async Task The_verification_link_shows_the_live_full_record()
    {
        _ = portal.Server;
        var code = await portal.WithDatabaseAsync(db => db.Certificates.Where(c => c.Number == "1398-13-000104").Select(c => c.VerificationCode).SingleAsync());

        var (response, page) = await HtmlPage.GetAsync(portal.CreateClient(), "/verify/" + code);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("زهرا موسوی", Field(page, "نام دارنده"));
        Assert.Equal("ابطال‌شده", Field(page, "وضعیت"));
        Assert.Equal("/verify/" + code, new Uri(page.QuerySelector(".record-card__verify a")!.GetAttribute("href")!).AbsolutePath);
    }

    [Theory]
    [InlineData("0000000000000000")]
    [InlineData("not-a-code")]
    [InlineData("0123456789abcdef0")]
    public async Task An_unknown_or_malformed_verification_code_is_a_persian_404(string code)
    {
        var (response, page) = await HtmlPage.GetAsync(portal.CreateClient(), "/verify/" + code);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("نشانی تأیید معتبر نیست", page.QuerySelector("h1")!.Text());
    }
}
