using System.Net;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.Requests;

public sealed class TrackingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Uniform = "درخواستی با این مشخصات پیدا نشد";

    private Task<(HttpResponseMessage Response, IDocument Document)> TrackAsync(string trackingCode, string nationalCode, HttpClient? client = null) =>
        Forms.SubmitAsync(client ?? portal.CreateClient(), "/requests/track", "/requests/track",
            ("TrackingCode", trackingCode), ("NationalCode", nationalCode));

    private async Task<IDocument> TrackAsync(TrackedRequests.Seeded request)
    {
        var (response, page) = await TrackAsync(request.TrackingCode, request.NationalCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page;
    }

    private static string Field(IDocument page, string label) =>
        page.QuerySelectorAll(".request-summary .record > div").Single(row => row.QuerySelector("dt")!.Text() == label).QuerySelector("dd")!.Text();

    private static List<string> TimelineTitles(IDocument page) =>
        page.QuerySelectorAll("ol.request-timeline > li .request-timeline__title").Select(e => e.Text()).ToList();

    private static string Now(IDocument page) => page.QuerySelector(".request-now")!.Text();

    [Fact]
    public async Task The_form_asks_for_both_keys_in_left_to_right_fields_and_posts_them()
    {
        var (response, page) = await HtmlPage.GetAsync(portal.CreateClient(), "/requests/track");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var form = page.QuerySelector("form[action='/requests/track']")!;
        Assert.Equal("post", form.GetAttribute("method"));
        foreach (var name in new[] { "TrackingCode", "NationalCode" })
        {
            var input = form.QuerySelector($"input[name='{name}']")!;
            Assert.Equal("ltr", input.GetAttribute("dir"));
            Assert.Equal("numeric", input.GetAttribute("inputmode"));
            Assert.NotNull(page.QuerySelector($"label[for='{name}']"));
        }

        Assert.Equal("page", page.QuerySelector("a[href='/requests/track']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task A_submitted_request_shows_its_summary_status_and_when_review_should_start()
    {
        var request = await TrackedRequests.SeedAsync(portal, RequestStatus.Submitted);

        var page = await TrackAsync(request);

        Assert.Equal("وضعیت درخواست استعلام | استعلام گواهینامه مهارت", page.Title);
        Assert.Equal(request.TrackingCode, Field(page, "کد رهگیری"));
        Assert.Equal("رضا کاظمی", Field(page, "نام متقاضی"));
        Assert.Equal("جوشکاری برق درجه ۲", Field(page, "حرفه (استاندارد آموزشی)"));
        Assert.Equal("۱۳۸۶", Field(page, "سال آزمون"));
        Assert.Equal("تهران", Field(page, "استان صادرکننده"));
        Assert.Equal("ثبت‌شده، در انتظار بررسی", page.QuerySelector(".request-state")!.Text());
        Assert.Contains("وضعیت کنونی: ثبت‌شده، در انتظار بررسی", Now(page), StringComparison.Ordinal);
        var expected = JalaliDate.FormatPersian(IranTime.Today(TimeProvider.System).AddDays(2));
        Assert.Contains("زمان پیش‌بینی‌شده برای آغاز بررسی: " + expected, Now(page), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".request-due--overdue"));
        Assert.Equal(["ثبت‌شده، در انتظار بررسی"], TimelineTitles(page));
        Assert.Null(page.QuerySelector(".request-action"));
        Assert.Null(page.QuerySelector(".request-answer"));
    }

    [Fact]
    public async Task The_timeline_is_an_ordered_list_oldest_first_with_jalali_times_in_iran_and_the_notes()
    {
        var request = await TrackedRequests.SeedAsync(portal, RequestStatus.NeedsMoreDocuments);
        var transitions = await portal.WithDatabaseAsync(db =>
            db.RequestTransitions.Where(t => t.RequestId == request.Id).OrderBy(t => t.AtUtc).Select(t => t.AtUtc).ToListAsync());

        var page = await TrackAsync(request);

        var items = page.QuerySelectorAll("ol.request-timeline > li").ToList();
        Assert.Equal(["ثبت‌شده، در انتظار بررسی", "در حال بررسی", "در انتظار مدارک تکمیلی"], TimelineTitles(page));
        Assert.Equal(
            transitions.Select(JalaliDate.FormatPersian),
            items.Select(item => item.QuerySelector("time")!.Text()));
        Assert.Matches("^[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2} [۰-۹]{2}:[۰-۹]{2}$", items[0].QuerySelector("time")!.Text());
        Assert.Equal(TrackedRequests.ReviewNote, items[1].QuerySelector(".request-timeline__note")!.Text());
        Assert.Null(items[0].QuerySelector(".request-timeline__note"));
    }

    [Fact]
    public async Task A_request_under_review_shows_the_expected_end_of_review()
    {
        var request = await TrackedRequests.SeedAsync(portal, RequestStatus.UnderReview);

        var page = await TrackAsync(request);

        Assert.Equal("در حال بررسی", page.QuerySelector(".request-state")!.Text());
        var expected = JalaliDate.FormatPersian(IranTime.Today(TimeProvider.System).AddDays(10));
        Assert.Contains("زمان پیش‌بینی‌شده برای پایان بررسی: " + expected, Now(page), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".request-action"));
    }

    [Fact]
    public async Task A_step_past_its_date_is_marked_overdue()
    {
        var yesterday = IranTime.Today(TimeProvider.System).AddDays(-1);
        var request = await TrackedRequests.SeedAsync(portal, RequestStatus.UnderReview, dueOn: yesterday);

        var page = await TrackAsync(request);

        var due = page.QuerySelector(".request-due.request-due--overdue")!;
        Assert.Contains(JalaliDate.FormatPersian(yesterday), due.Text(), StringComparison.Ordinal);
        Assert.Contains("(گذشته)", due.Text(), StringComparison.Ordinal);
        Assert.Contains("نیازی به ثبت دوباره نیست", due.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_staff_ask_for_more_documents_the_page_says_what_and_until_when()
    {
        var request = await TrackedRequests.SeedAsync(portal, RequestStatus.NeedsMoreDocuments);

        var page = await TrackAsync(request);

        Assert.Equal("در انتظار مدارک تکمیلی", page.QuerySelector(".request-state")!.Text());
        var action = page.QuerySelector(".request-action--documents")!;
        Assert.Equal("مدارک تکمیلی را بفرستید", action.QuerySelector("h3")!.Text());
        Assert.Equal(TrackedRequests.DocumentsAsked, action.QuerySelector(".request-action__message")!.Text());
        var deadline = JalaliDate.FormatPersian(IranTime.Today(TimeProvider.System).AddDays(12));
        Assert.Contains("مهلت شما برای فرستادن مدارک: " + deadline, Now(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_appointment_shows_the_kind_date_time_and_address()
    {
        var visit = IranTime.Today(TimeProvider.System).AddDays(5).ToDateTime(new TimeOnly(9, 30));
        var request = await TrackedRequests.SeedAsync(portal, RequestStatus.AwaitingVisit, visitAtLocal: visit);

        var page = await TrackAsync(request);

        Assert.Equal("در انتظار مراجعه یا آزمون", page.QuerySelector(".request-state")!.Text());
        var action = page.QuerySelector(".request-action")!;
        Assert.Equal("آزمون عملی", action.QuerySelector("h3")!.Text());
        string Row(string label) => action.QuerySelectorAll(".record > div").Single(r => r.QuerySelector("dt")!.Text() == label).QuerySelector("dd")!.Text();
        Assert.Equal("آزمون عملی", Row("نوع"));
        Assert.EndsWith(JalaliDate.FormatPersian(DateOnly.FromDateTime(visit)), Row("تاریخ"), StringComparison.Ordinal);
        Assert.Equal("۰۹:۳۰", Row("ساعت"));
        Assert.Equal(TrackedRequests.VisitPlace, Row("نشانی"));
        Assert.Null(page.QuerySelector(".request-action--documents"));
    }

    [Fact]
    public async Task A_confirmed_answer_says_the_certificate_is_now_in_the_online_lookup_with_its_number()
    {
        var request = await TrackedRequests.SeedAsync(portal, RequestStatus.Answered, AnswerOutcome.Confirmed);

        var page = await TrackAsync(request);

        Assert.Equal("پاسخ داده شد", page.QuerySelector(".request-state")!.Text());
        var answer = page.QuerySelector(".request-answer")!;
        Assert.Equal("نتیجه: گواهینامه تأیید شد", answer.QuerySelector("h3")!.Text());
        Assert.Contains("گواهینامه شما در بایگانی یافت شد و اکنون در استعلام برخط قابل جستجو است", answer.Text(), StringComparison.Ordinal);
        Assert.Equal(request.CertificateNumber, answer.QuerySelector("bdi")!.Text());
        Assert.NotNull(answer.QuerySelector("a[href='/certificates/lookup']"));
        Assert.Null(page.QuerySelector(".request-due"));
        Assert.Equal(["ثبت‌شده، در انتظار بررسی", "در حال بررسی", "پاسخ داده شد"], TimelineTitles(page));
    }

    [Fact]
    public async Task A_not_found_answer_says_so_plainly()
    {
        var request = await TrackedRequests.SeedAsync(portal, RequestStatus.Answered, AnswerOutcome.NotFound);

        var page = await TrackAsync(request);

        var answer = page.QuerySelector(".request-answer")!;
        Assert.Equal("نتیجه: گواهینامه در بایگانی یافت نشد", answer.QuerySelector("h3")!.Text());
        Assert.Contains("در بایگانی اداره کل استان یافت نشد", answer.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejection_gives_its_reason()
    {
        var request = await TrackedRequests.SeedAsync(portal, RequestStatus.Answered, AnswerOutcome.Rejected);

        var page = await TrackAsync(request);

        var answer = page.QuerySelector(".request-answer")!;
        Assert.Equal("نتیجه: درخواست رد شد", answer.QuerySelector("h3")!.Text());
        Assert.Contains("دلیل: " + TrackedRequests.RejectionReason, answer.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RequestStatus.Submitted)]
    [InlineData(RequestStatus.UnderReview)]
    [InlineData(RequestStatus.NeedsMoreDocuments)]
    [InlineData(RequestStatus.AwaitingVisit)]
    [InlineData(RequestStatus.Answered)]
    public async Task Staff_messages_are_shown_and_internal_notes_never_are(RequestStatus status)
    {
        var request = await TrackedRequests.SeedAsync(portal, status);

        var (response, page) = await TrackAsync(request.TrackingCode, request.NationalCode);

        Assert.Equal([TrackedRequests.StaffMessage], page.QuerySelectorAll(".request-messages__list li p").Select(p => p.Text()));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("یادداشت داخلی", html, StringComparison.Ordinal);
        Assert.DoesNotContain("مشکوک", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_tracking_code_and_a_wrong_national_code_get_the_same_page()
    {
        var request = await TrackedRequests.SeedAsync(portal, RequestStatus.UnderReview);
        var other = await TrackedRequests.SeedAsync(portal, RequestStatus.UnderReview);

        var (wrongCodeResponse, wrongCode) = await TrackAsync(TrackingCode.New(), request.NationalCode);
        var (_, wrongNationalCode) = await TrackAsync(request.TrackingCode, TrackedRequests.NewNationalCode());
        var (_, crossed) = await TrackAsync(request.TrackingCode, other.NationalCode); // both exist, not together

        Assert.Equal(HttpStatusCode.OK, wrongCodeResponse.StatusCode);
        var pages = new[] { wrongCode, wrongNationalCode, crossed };
        Assert.All(pages, page => Assert.Contains(Uniform, page.QuerySelector(".lookup-miss")!.Text(), StringComparison.Ordinal));
        Assert.All(pages, page => Assert.Equal(wrongCode.QuerySelector("main")!.Text(), page.QuerySelector("main")!.Text()));
        Assert.All(pages, page => Assert.Equal(wrongCode.Title, page.Title));
        Assert.All(pages, page => Assert.Null(page.QuerySelector(".request-summary")));
        Assert.All(pages, page => Assert.Null(page.QuerySelector(".error-summary")));
    }

    [Fact]
    public async Task A_draft_is_not_found_even_with_both_keys()
    {
        var nationalCode = TrackedRequests.NewNationalCode();
        var code = TrackingCode.New();
        await portal.WithDatabaseAsync(async db =>
        {
            // A draft never has a tracking code through the domain; this one is forced, to prove the page does not rely on that.
            var draft = new InquiryRequest { AccessKey = Guid.NewGuid().ToString("N"), NationalCode = nationalCode, TrackingCode = code };
            db.Requests.Add(draft);
            return await db.SaveChangesAsync();
        });

        var (_, page) = await TrackAsync(code, nationalCode);

        Assert.NotNull(page.QuerySelector(".lookup-miss"));
    }

    [Fact]
    public async Task Keys_in_persian_or_arabic_digits_with_spaces_are_found()
    {
        var request = await TrackedRequests.SeedAsync(portal, RequestStatus.UnderReview);
        var persianCode = PersianText.ToPersianDigits(request.TrackingCode.Insert(8, " ").Insert(4, " "));
        var arabicNationalCode = new string(request.NationalCode.Select(c => (char)('٠' + (c - '0'))).ToArray());

        var (_, page) = await TrackAsync(persianCode, arabicNationalCode);

        Assert.Equal(request.TrackingCode, Field(page, "کد رهگیری"));
    }

    [Theory]
    [InlineData("48291530771", "0076543218", "TrackingCode", "کد رهگیری ۱۲ رقم است؛ آن را دوباره بررسی کنید.")]
    [InlineData("482915307715", "0076543218", "TrackingCode", "کد رهگیری ۱۲ رقم است؛ آن را دوباره بررسی کنید.")] // check digit
    [InlineData("", "0076543218", "TrackingCode", "کد رهگیری را وارد کنید.")]
    [InlineData("482915307714", "0076543217", "NationalCode", "کد ملی درست نیست")]
    [InlineData("482915307714", "", "NationalCode", "کد ملی یا کد یکتای اتباع را وارد کنید.")]
    [InlineData("482915307714", "11111111111", "NationalCode", "کد ملی ایرانیان ده رقم و کد یکتای اتباع خارجی دوازده رقم دارد.")]
    [InlineData("482915307714", "777777777777", "NationalCode", "کد یکتای اتباع درست نیست")]
    public async Task Bad_input_gets_a_persian_message_beside_its_field_and_in_the_summary(string trackingCode, string nationalCode, string field, string message)
    {
        var (response, page) = await TrackAsync(trackingCode, nationalCode);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("خطا: ", page.Title, StringComparison.Ordinal);
        Assert.Contains(message, page.QuerySelector($".error-summary a[href='#{field}']")!.Text(), StringComparison.Ordinal);
        Assert.Contains(message, page.QuerySelector($"#{field}-error")!.Text(), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
        Assert.Null(page.QuerySelector(".lookup-miss"));
        Assert.Null(page.QuerySelector(".request-summary"));
    }

    [Fact]
    public async Task The_national_code_never_appears_in_a_url()
    {
        var request = await TrackedRequests.SeedAsync(portal, RequestStatus.NeedsMoreDocuments);

        var (hitResponse, hit) = await TrackAsync(request.TrackingCode, request.NationalCode);
        var (missResponse, miss) = await TrackAsync(TrackingCode.New(), request.NationalCode);

        foreach (var (response, page) in new[] { (hitResponse, hit), (missResponse, miss) })
        {
            Assert.Equal(HttpMethod.Post, response.RequestMessage!.Method);
            Assert.DoesNotContain(request.NationalCode, response.RequestMessage.RequestUri!.ToString(), StringComparison.Ordinal);
            Assert.Null(response.Headers.Location);
            var urls = page.QuerySelectorAll("[href], [action], [src]")
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("action") ?? e.GetAttribute("src"));
            Assert.DoesNotContain(urls, url => url!.Contains(request.NationalCode, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Results_and_misses_are_never_cached()
    {
        var request = await TrackedRequests.SeedAsync(portal, RequestStatus.Submitted);

        var (hit, _) = await TrackAsync(request.TrackingCode, request.NationalCode);
        var (miss, _) = await TrackAsync(TrackingCode.New(), request.NationalCode);

        Assert.Contains("no-store", hit.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains("no-store", miss.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var request = await TrackedRequests.SeedAsync(portal, RequestStatus.Submitted);

        var response = await portal.CreateClient().PostAsync("/requests/track", new FormUrlEncodedContent(
            [new("TrackingCode", request.TrackingCode), new("NationalCode", request.NationalCode)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("کاظمی", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_needs_no_inline_script_or_style()
    {
        var request = await TrackedRequests.SeedAsync(portal, RequestStatus.AwaitingVisit);

        var page = await TrackAsync(request);

        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.All(page.QuerySelectorAll("script"), script => Assert.False(string.IsNullOrEmpty(script.GetAttribute("src"))));
        Assert.Empty(page.QuerySelectorAll("style"));
        Assert.NotNull(page.QuerySelector("link[rel='stylesheet'][href^='/css/request-tracking.']"));
    }
}

public sealed class TrackingAuditAndLimitTests
{
    [Fact]
    public async Task Every_tracking_attempt_is_audited_without_personal_data()
    {
        using var portal = new PortalFactory();
        var request = await TrackedRequests.SeedAsync(portal, RequestStatus.UnderReview);
        var client = portal.CreateClient();

        await Forms.SubmitAsync(client, "/requests/track", "/requests/track", ("TrackingCode", request.TrackingCode), ("NationalCode", request.NationalCode));
        await Forms.SubmitAsync(client, "/requests/track", "/requests/track", ("TrackingCode", TrackingCode.New()), ("NationalCode", request.NationalCode));
        await Forms.SubmitAsync(client, "/requests/track", "/requests/track", ("TrackingCode", "123"), ("NationalCode", request.NationalCode));

        var entries = await portal.WaitForAuditEntriesAsync(3);
        Assert.Equal(
            [
                (InquiryChannel.RequestTracking, InquiryOutcome.Match),
                (InquiryChannel.RequestTracking, InquiryOutcome.Miss),
                (InquiryChannel.RequestTracking, InquiryOutcome.Invalid),
            ],
            entries.Select(e => (e.Channel, e.Outcome)));
        Assert.All(entries, e => Assert.Null(e.CertificateId));
        Assert.All(entries, e => Assert.Matches("^[0-9a-f]{32}$", e.ClientAddressHash));

        var rawRows = await portal.WithDatabaseAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT \"ClientAddressHash\" || '|' || \"Channel\" || '|' || \"Outcome\" AS \"Value\" FROM \"InquiryAudit\"").ToListAsync());
        Assert.All(rawRows, row => Assert.Contains("|RequestTracking|", row, StringComparison.Ordinal));
        Assert.DoesNotContain(rawRows, row => row.Contains(request.NationalCode, StringComparison.Ordinal) || row.Contains(request.TrackingCode, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tracking_is_rate_limited_like_the_lookups()
    {
        using var portal = new ThrottledPortal();
        var client = portal.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var (allowed, _) = await Forms.SubmitAsync(client, "/requests/track", "/requests/track",
                ("TrackingCode", TrackingCode.New()), ("NationalCode", "0076543218"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var (refused, page) = await Forms.SubmitAsync(client, "/requests/track", "/requests/track",
            ("TrackingCode", TrackingCode.New()), ("NationalCode", "0076543218"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "Retry-After is missing");
        Assert.Contains("تعداد درخواست‌ها", page.QuerySelector("main")!.Text(), StringComparison.Ordinal);
    }

    private sealed class ThrottledPortal : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:InquiriesPerWindow"] = "3",
            ["RateLimiting:Window"] = "00:05:00",
        };
    }
}
