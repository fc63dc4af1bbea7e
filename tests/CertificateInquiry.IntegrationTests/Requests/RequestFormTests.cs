using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.Requests;

public sealed class RequestFormTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<HttpClient> StartDraftAsync()
    {
        var client = portal.CreateClient();
        var (response, _) = await Forms.SubmitAsync(client, "/requests/new", "/requests/new");
        Assert.Equal("/requests/form/applicant", response.RequestMessage!.RequestUri!.AbsolutePath);
        return client;
    }

    private static string? Value(IDocument page, string name) => page.QuerySelector($"[name='{name}']")?.GetAttribute("value");

    private static string Error(IDocument page, string name) => page.QuerySelector($"#{name}-error")?.Text() ?? "";

    [Fact]
    public async Task Without_a_draft_the_question_pages_send_people_to_the_start()
    {
        var response = await portal.CreateClient().GetAsync("/requests/form/certificate");

        Assert.Equal("/requests/new", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_failed_lookup_carries_what_was_typed_into_the_new_request()
    {
        var client = portal.CreateClient();
        var (lookup, _) = await Forms.SubmitAsync(client, "/certificates/lookup", "/certificates/lookup",
            ("NationalCode", "۰۰۸۴۵۷۵۹۴۸"), ("CertificateNumber", "1385-08-004411"));
        var missPage = await HtmlPage.ParseAsync(lookup);
        var token = missPage.QuerySelector("form[action='/requests/new'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var carried = missPage.QuerySelectorAll("form[action='/requests/new'] input[type=hidden]")
            .Select(input => new KeyValuePair<string, string>(input.GetAttribute("name")!, input.GetAttribute("value")!));

        var started = await client.PostAsync("/requests/new", new FormUrlEncodedContent(carried));
        var applicant = await HtmlPage.ParseAsync(started);
        var (_, certificate) = await HtmlPage.GetAsync(client, "/requests/form/certificate");

        Assert.NotEmpty(token);
        Assert.Equal("0084575948", Value(applicant, "NationalCode"));
        Assert.Equal("1385-08-004411", Value(certificate, "CertificateNumber"));
        Assert.DoesNotContain("0084575948", started.RequestMessage!.RequestUri!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_answers_get_a_persian_message_for_each_field_and_save_nothing()
    {
        var client = await StartDraftAsync();

        var (response, page) = await Forms.SubmitAsync(client, "/requests/form/applicant", "/requests/form/applicant");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("خطا: ", page.Title, StringComparison.Ordinal);
        Assert.Equal("کد ملی را وارد کنید.", Error(page, "NationalCode").Replace("خطا: ", "", StringComparison.Ordinal));
        Assert.Contains("نام را وارد کنید.", Error(page, "FirstName"), StringComparison.Ordinal);
        Assert.Contains("تاریخ تولد را وارد کنید.", Error(page, "BirthDate"), StringComparison.Ordinal);
        Assert.Contains("جنسیت را انتخاب کنید.", Error(page, "Gender"), StringComparison.Ordinal);
        Assert.Contains("شماره تلفن همراه را وارد کنید.", Error(page, "Mobile"), StringComparison.Ordinal);
        Assert.Contains("مشخص کنید", Error(page, "RequesterKind"), StringComparison.Ordinal);
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.Requests.CountAsync(r => r.FirstName != null)));
    }

    [Fact]
    public async Task Wrong_answers_are_explained_and_what_was_typed_stays_in_the_form()
    {
        var client = await StartDraftAsync();

        var (_, page) = await Forms.SubmitAsync(client, "/requests/form/applicant", "/requests/form/applicant",
            ("RequesterKind", "Organization"), ("NationalCode", "0076543219"), ("FirstName", "Zahra"), ("LastName", "کریمی"),
            ("FatherName", "محمود"), ("BirthDate", "1360/13/40"), ("Gender", "Female"), ("Mobile", "0912123"), ("Email", "not-an-email"));

        Assert.Contains("کد ملی درست نیست", Error(page, "NationalCode"), StringComparison.Ordinal);
        Assert.Contains("با حروف فارسی", Error(page, "FirstName"), StringComparison.Ordinal);
        Assert.Contains("سال/ماه/روز شمسی", Error(page, "BirthDate"), StringComparison.Ordinal);
        Assert.Contains("۱۱ رقم", Error(page, "Mobile"), StringComparison.Ordinal);
        Assert.Contains("نشانی ایمیل درست نیست", Error(page, "Email"), StringComparison.Ordinal);
        Assert.Contains("نام سازمان", Error(page, "OrganizationName"), StringComparison.Ordinal);
        Assert.Contains("شماره نامه", Error(page, "OrganizationLetterNumber"), StringComparison.Ordinal);
        Assert.Equal("Zahra", Value(page, "FirstName"));
        Assert.Equal("0912123", Value(page, "Mobile"));
        Assert.Equal("not-an-email", Value(page, "Email"));
        Assert.Equal(7, page.QuerySelectorAll(".error-summary__list a").Length);
    }

    [Fact]
    public async Task Answers_in_persian_digits_are_saved_normalized_and_shown_again_on_reload()
    {
        var client = await StartDraftAsync();

        var (response, _) = await Forms.SubmitAsync(client, "/requests/form/applicant", "/requests/form/applicant",
            ("RequesterKind", "Holder"), ("NationalCode", "۰۰۷۶۵۴۳۲۱۸"), ("FirstName", "علي"), ("LastName", "رضایی"),
            ("FatherName", "كاظم"), ("BirthDate", "۱۳۶۰/۲/۵"), ("Gender", "Male"), ("Mobile", "+98 912 123 4567"), ("Email", ""));
        var (_, reloaded) = await HtmlPage.GetAsync(client, "/requests/form/applicant");

        Assert.Equal("/requests/form/mobile", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("0076543218", Value(reloaded, "NationalCode"));
        Assert.Equal("علی", Value(reloaded, "FirstName"));
        Assert.Equal("کاظم", Value(reloaded, "FatherName"));
        Assert.Equal("09121234567", Value(reloaded, "Mobile"));
        Assert.Equal("1360/02/05", Value(reloaded, "BirthDate"));
        Assert.NotNull(reloaded.QuerySelector("input[name='Gender'][value='Male'][checked]"));
    }

    [Fact]
    public async Task An_exam_year_from_1392_on_is_sent_to_the_online_lookup()
    {
        var client = await StartDraftAsync();

        var (_, page) = await Forms.SubmitAsync(client, "/requests/form/certificate", "/requests/form/certificate",
            ("Trade", "جوشکار"), ("ExamYear", "۱۳۹۵"), ("ProvinceId", "8"));

        Assert.Contains("پیش از سال ۱۳۹۲", Error(page, "ExamYear"), StringComparison.Ordinal);
        Assert.Equal("۱۳۹۵", PersianDigits(Value(page, "ExamYear")));
    }

    [Fact]
    public async Task A_trade_from_the_list_is_linked_to_its_standard_and_any_other_is_kept_as_typed()
    {
        await portal.WithDatabaseAsync(async db =>
        {
            if (!await db.TrainingStandards.AnyAsync(s => s.Code == "7212-10-013"))
            {
                db.TrainingStandards.Add(new TrainingStandard { Code = "7212-10-013", Title = "جوشکار برق", Hours = 300 });
                await db.SaveChangesAsync();
            }

            return 0;
        });
        var listed = await StartDraftAsync();
        var unlisted = await StartDraftAsync();

        await Forms.SubmitAsync(listed, "/requests/form/certificate", "/requests/form/certificate",
            ("Trade", "جوشكار برق"), ("ExamYear", "1384"), ("ProvinceId", "8"), ("TrainingCenter", "مرکز شماره ۲ کرج"));
        await Forms.SubmitAsync(unlisted, "/requests/form/certificate", "/requests/form/certificate",
            ("Trade", "تعمیر رادیو و تلویزیون"), ("ExamYear", "1370"), ("ProvinceId", "4"));
        var suggestions = await listed.GetFromJsonAsync<Suggestion[]>("/requests/standards?q=" + Uri.EscapeDataString("جوش"));

        var requests = await portal.WithDatabaseAsync(db => db.Requests.Include(r => r.Standard).Where(r => r.ExamYear != null).OrderBy(r => r.Id).ToListAsync());
        var withStandard = requests.Single(r => r.ExamYear == 1384);
        var withText = requests.Single(r => r.ExamYear == 1370);
        Assert.Equal("7212-10-013", withStandard.Standard!.Code);
        Assert.Null(withStandard.TradeText);
        Assert.Equal(8, withStandard.ProvinceId);
        Assert.Null(withText.StandardId);
        Assert.Equal("تعمیر رادیو و تلویزیون", withText.TradeText);
        Assert.Contains(suggestions!, s => s.Title == "جوشکار برق" && s.Code == "7212-10-013");
    }

    private static string PersianDigits(string? text) => CertificateInquiry.Web.Infrastructure.Persian.PersianText.ToPersianDigits(text);

    private sealed record Suggestion(string Code, string Title);
}
