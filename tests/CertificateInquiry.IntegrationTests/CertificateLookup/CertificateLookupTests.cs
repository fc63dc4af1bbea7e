using System.Net;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;

namespace CertificateInquiry.IntegrationTests.CertificateLookup;

public sealed class CertificateLookupTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    private Task<(HttpResponseMessage Response, IDocument Document)> LookupAsync(string nationalCode, string number) =>
        Forms.SubmitAsync(portal.CreateClient(), "/certificates/lookup", "/certificates/lookup",
            ("NationalCode", nationalCode), ("CertificateNumber", number));

    /// <summary>A form post without a token, with one header a browser would add (none when <paramref name="header"/> is null).</summary>
    private async Task<HttpResponseMessage> PostWithHeaderAsync(
        string action, string? header, string? value, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) };
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }

        return await portal.CreateClient().SendAsync(request);
    }

    private static string Field(IDocument page, string label) =>
        page.QuerySelectorAll(".record > div").Single(row => row.QuerySelector("dt")!.Text() == label).QuerySelector("dd")!.Text();

    [Fact]
    public async Task The_form_asks_for_both_keys_in_left_to_right_fields()
    {
        var (response, page) = await HtmlPage.GetAsync(portal.CreateClient(), "/certificates/lookup");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = page.QuerySelector("form[action='/certificates/lookup']")!;
        Assert.Equal("post", form.GetAttribute("method"));
        foreach (var name in new[] { "NationalCode", "CertificateNumber" })
        {
            var input = form.QuerySelector($"input[name='{name}']")!;
            Assert.Equal("ltr", input.GetAttribute("dir"));
            Assert.NotNull(page.QuerySelector($"label[for='{name}']"));
        }
    }

    [Fact]
    public async Task A_match_shows_the_whole_record_in_persian()
    {
        var (response, page) = await LookupAsync("0076543218", "1401-08-000101");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal("1401-08-000101", Field(page, "شماره گواهینامه مهارت"));
        Assert.Equal("مریم احمدی", Field(page, "نام دارنده"));
        Assert.Equal("حسن", Field(page, "نام پدر"));
        Assert.Equal("حسابدار عمومی", Field(page, "حرفه (استاندارد آموزشی)"));
        Assert.Equal("4311-10-001", Field(page, "کد استاندارد"));
        Assert.Equal("۳۲۰ ساعت", Field(page, "ساعت آموزش"));
        Assert.Equal("۱۴۰۱/۰۴/۲۰", Field(page, "تاریخ آزمون"));
        Assert.Equal("۱۴۰۱/۰۵/۱۰", Field(page, "تاریخ صدور"));
        Assert.Equal("تهران", Field(page, "استان صادرکننده"));
        Assert.Equal("اداره کل آموزش فنی و حرفه‌ای استان تهران", Field(page, "مرجع صادرکننده"));
        Assert.Equal("معتبر", Field(page, "وضعیت"));
        Assert.Equal("۰۰۷۶***۲۱۸", Field(page, "کد ملی"));
        Assert.Null(page.QuerySelector(".lookup-miss"));
    }

    [Fact]
    public async Task Keys_typed_in_persian_or_arabic_digits_with_spaces_are_found()
    {
        var (_, page) = await LookupAsync(" ۰۰۷ ۶۵۴ ۳۲۱۸ ", "١٤٠١-٠٨-٠٠٠١٠١");

        Assert.Equal("مریم احمدی", Field(page, "نام دارنده"));
    }

    [Fact]
    public async Task A_certificate_earned_at_school_is_found_and_names_its_issuer_not_the_school_or_the_program()
    {
        var (_, page) = await LookupAsync("0499912349", "1403-10-000105");

        Assert.Equal("اداره کل آموزش فنی و حرفه‌ای استان خراسان جنوبی", Field(page, "مرجع صادرکننده"));
        Assert.DoesNotContain(page.QuerySelectorAll(".record dt"), dt => dt.Text() is "محل آموزش" or "مرکز آموزش" or "طرف تفاهم‌نامه");
        Assert.DoesNotContain("هنرستان", page.QuerySelector(".lookup-result")!.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_certificate_says_it_is_revoked()
    {
        var (_, page) = await LookupAsync("1750987651", "1398-13-000104");

        Assert.Equal("ابطال‌شده", Field(page, "وضعیت"));
        Assert.Contains("ابطال شده است", page.QuerySelector(".record-card__warning")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_license_shows_its_expiry_and_that_it_has_expired()
    {
        var (_, page) = await LookupAsync("2280765438", "1395-17-000103");

        Assert.Equal("پروانه مهارت", page.QuerySelector(".record-card__title")!.Text());
        Assert.Equal("۱۴۰۰/۰۹/۰۵ (منقضی‌شده)", Field(page, "تاریخ پایان اعتبار"));
        Assert.Equal("منقضی‌شده", Field(page, "وضعیت"));
    }

    [Fact]
    public async Task A_valid_license_shows_its_expiry_without_a_warning()
    {
        var (_, page) = await LookupAsync("1270123459", "1402-04-000102");

        Assert.Equal("۱۴۰۷/۰۳/۰۱", Field(page, "تاریخ پایان اعتبار"));
        Assert.Equal("معتبر", Field(page, "وضعیت"));
        Assert.Null(page.QuerySelector(".record-card__warning"));
    }

    [Fact]
    public async Task A_miss_says_the_same_whichever_key_was_wrong_and_offers_a_paper_era_request()
    {
        var (wrongCode, wrongCodePage) = await LookupAsync("0084575948", "1401-08-000101"); // valid code, not the holder's
        var (_, wrongNumberPage) = await LookupAsync("0076543218", "1401-08-999999");
        var (_, bothWrongPage) = await LookupAsync("0084575948", "9999");

        Assert.Equal(HttpStatusCode.OK, wrongCode.StatusCode);
        var misses = new[] { wrongCodePage, wrongNumberPage, bothWrongPage }
            .Select(page => page.QuerySelector(".lookup-miss")!.Text().Replace("9999", "").Replace("1401-08-999999", ""))
            .ToList();
        Assert.All(misses, miss => Assert.Equal(misses[0], miss));
        Assert.Null(wrongCodePage.QuerySelector(".record"));

        var request = wrongCodePage.QuerySelector(".lookup-miss form")!;
        Assert.Equal("/requests/new", request.GetAttribute("action"));
        Assert.Equal("post", request.GetAttribute("method"));
        Assert.Equal("0084575948", request.QuerySelector("input[name='NationalCode']")!.GetAttribute("value"));
        Assert.Equal("1401-08-000101", request.QuerySelector("input[name='CertificateNumber']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_national_code_never_appears_in_a_url()
    {
        var (_, page) = await LookupAsync("0076543218", "1401-08-000101");
        var (_, miss) = await LookupAsync("0084575948", "1401-08-000101");

        foreach (var document in new[] { page, miss })
        {
            var urls = document.QuerySelectorAll("[href], [action], [src]")
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("action") ?? e.GetAttribute("src"));
            Assert.DoesNotContain(urls, url => url!.Contains("0076543218", StringComparison.Ordinal) || url.Contains("0084575948", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("0076543217", "1401-08-000101", "NationalCode", "کد ملی درست نیست")]
    [InlineData("12345", "1401-08-000101", "NationalCode", "کد ملی ایرانیان ده رقم و کد یکتای اتباع خارجی دوازده رقم دارد")]
    [InlineData("00765432180", "1401-08-000101", "NationalCode", "کد ملی ایرانیان ده رقم و کد یکتای اتباع خارجی دوازده رقم دارد")] // 11 digits
    [InlineData("555555555555", "1401-08-000101", "NationalCode", "کد یکتای اتباع درست نیست")] // 12 equal digits
    [InlineData("۵۰۰۱۲۳۴۵۶۷۸۱۰", "1401-08-000101", "NationalCode", "کد ملی یا کد یکتای اتباع درست نیست")] // 13 digits
    [InlineData("", "1401-08-000101", "NationalCode", "کد ملی یا کد یکتای اتباع را وارد کنید")]
    [InlineData("0076543218", "", "CertificateNumber", "شماره گواهینامه را وارد کنید")]
    [InlineData("0076543218", "۱۴۰۱ الف ۱۰۱", "CertificateNumber", "فقط از رقم")]
    public async Task Bad_input_gets_a_persian_message_beside_its_field_and_in_the_summary(string nationalCode, string number, string field, string message)
    {
        var (response, page) = await LookupAsync(nationalCode, number);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("خطا: ", page.Title, StringComparison.Ordinal);
        var summaryLink = page.QuerySelector($".error-summary a[href='#{field}']")!;
        Assert.Contains(message, summaryLink.Text(), StringComparison.Ordinal);
        Assert.Contains(message, page.QuerySelector($"#{field}-error")!.Text(), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
        Assert.Null(page.QuerySelector(".record"));
        Assert.Null(page.QuerySelector(".lookup-miss"));
    }

    [Theory]
    [InlineData("/certificates/lookup", "Sec-Fetch-Site", "cross-site")]
    [InlineData("/certificates/lookup", "Sec-Fetch-Site", "same-site")]
    [InlineData("/certificates/lookup", "Origin", "https://attacker.example")]
    [InlineData("/certificates/lookup", "Origin", "null")]
    [InlineData("/certificates/report", "Sec-Fetch-Site", "cross-site")]
    [InlineData("/licenses/check", "Origin", "https://attacker.example")]
    public async Task A_post_from_another_site_is_refused_and_shows_nothing(string action, string header, string value)
    {
        var response = await PostWithHeaderAsync(action, header, value,
            [new("NationalCode", "0076543218"), new("CertificateNumber", "1401-08-000101"), new("LicenseNumber", "1401-08-000101")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("مریم", body, StringComparison.Ordinal);
        Assert.DoesNotContain("%PDF", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Sec-Fetch-Site", "none")]
    [InlineData("Origin", "http://localhost")]
    [InlineData(null, null)]
    public async Task A_post_from_the_portal_itself_or_from_no_web_page_is_answered_without_a_token(string? header, string? value)
    {
        var response = await PostWithHeaderAsync("/certificates/lookup", header, value,
            [new("NationalCode", "0076543218"), new("CertificateNumber", "1401-08-000101")]);
        var page = await HtmlPage.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1401-08-000101", Field(page, "شماره گواهینامه مهارت"));
    }

    [Fact]
    public async Task The_inquiry_forms_carry_no_antiforgery_token_but_the_request_offer_after_a_miss_does()
    {
        var (_, form) = await HtmlPage.GetAsync(portal.CreateClient(), "/certificates/lookup");
        var (_, match) = await LookupAsync("0076543218", "1401-08-000101");
        var (_, miss) = await LookupAsync("0076543218", "1401-08-000102");

        Assert.Null(form.QuerySelector("form[action='/certificates/lookup'] input[name='__RequestVerificationToken']"));
        Assert.Null(match.QuerySelector("form[action='/certificates/report'] input[name='__RequestVerificationToken']"));
        Assert.NotNull(miss.QuerySelector("form[action='/requests/new'] input[name='__RequestVerificationToken']"));
    }
}
