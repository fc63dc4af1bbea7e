using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.Requests;

/// <summary>What the question pages say and offer: defaults, required fields, the code's lifetime, the answers before paying.</summary>
public sealed class RequestFormPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<HttpClient> StartDraftAsync()
    {
        var client = portal.CreateClient();
        var (response, _) = await Forms.SubmitAsync(client, "/requests/new", "/requests/new");
        Assert.Equal("/requests/form/applicant", response.RequestMessage!.RequestUri!.AbsolutePath);
        return client;
    }

    private static string Error(IDocument page, string name) => page.QuerySelector($"#{name}-error")?.Text() ?? "";

    [Fact]
    public async Task The_applicant_page_starts_with_the_holder_filing_and_an_organisations_name_is_not_marked_optional()
    {
        var client = await StartDraftAsync();

        var (_, page) = await HtmlPage.GetAsync(client, "/requests/form/applicant");

        Assert.NotNull(page.QuerySelector("input[name='RequesterKind'][value='Holder'][checked]"));
        Assert.Null(page.QuerySelector("input[name='RequesterKind'][value='Organization'][checked]"));
        Assert.DoesNotContain("اختیاری", page.QuerySelector("label[for='OrganizationName']")!.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("اختیاری", page.QuerySelector("label[for='OrganizationLetterNumber']")!.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("Holder, Organization")]
    [InlineData("organization")]
    public async Task Filing_for_an_organisation_needs_its_name_however_the_choice_is_spelled(string kind)
    {
        var client = await StartDraftAsync();

        var (response, page) = await Forms.SubmitAsync(client, "/requests/form/applicant", "/requests/form/applicant",
            ("RequesterKind", kind), ("NationalCode", "0076543218"), ("FirstName", "زهرا"), ("LastName", "کریمی"),
            ("FatherName", "محمود"), ("BirthDate", "1360/02/05"), ("Gender", "Female"), ("Mobile", "09121110000"), ("Email", ""),
            ("OrganizationName", ""), ("OrganizationLetterNumber", ""));

        Assert.Equal("/requests/form/applicant", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("مشخص کنید درخواست را چه کسی ثبت می‌کند", Error(page, "RequesterKind"), StringComparison.Ordinal);
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.Requests.CountAsync(r => r.Mobile == "09121110000")));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("Female, Male")]
    public async Task A_gender_that_is_neither_choice_is_refused(string gender)
    {
        var client = await StartDraftAsync();

        var (_, page) = await Forms.SubmitAsync(client, "/requests/form/applicant", "/requests/form/applicant",
            ("RequesterKind", "Holder"), ("NationalCode", "0076543218"), ("FirstName", "زهرا"), ("LastName", "کریمی"),
            ("FatherName", "محمود"), ("BirthDate", "1360/02/05"), ("Gender", gender), ("Mobile", "09121110001"), ("Email", ""));

        Assert.Contains("جنسیت را انتخاب کنید.", Error(page, "Gender"), StringComparison.Ordinal);
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.Requests.CountAsync(r => r.Mobile == "09121110001")));
    }

    [Fact]
    public async Task The_code_page_says_how_long_the_code_works_in_persian_digits()
    {
        var client = await StartDraftAsync();
        await Forms.SubmitAsync(client, "/requests/form/applicant", "/requests/form/applicant",
            ("RequesterKind", "Holder"), ("NationalCode", "0076543218"), ("FirstName", "زهرا"), ("LastName", "کریمی"),
            ("FatherName", "محمود"), ("BirthDate", "1360/02/05"), ("Gender", "Female"), ("Mobile", "09121110002"), ("Email", ""));

        var (_, page) = await HtmlPage.GetAsync(client, "/requests/form/mobile");

        var text = page.QuerySelector("main")!.Text();
        Assert.Contains("کد تا ۲ دقیقه معتبر است", text, StringComparison.Ordinal);
        Assert.DoesNotContain("چند دقیقه", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_review_page_shows_the_gender_and_the_fee_to_be_paid()
    {
        var journey = new PaymentJourney(portal);
        var draft = await journey.CreateCompleteDraftAsync();

        var (_, page) = await HtmlPage.GetAsync(journey.ClientFor(draft), "/requests/form/review");

        var answers = page.QuerySelectorAll("dl.answers > div").ToDictionary(row => row.QuerySelector("dt")!.Text().Trim(), row => row.QuerySelector("dd")!.Text().Trim());
        Assert.Equal("زن", answers["جنسیت"]);
        Assert.Equal(CertificateInquiry.Web.Infrastructure.Persian.Rials.Format(await journey.TodaysFeeAsync()), page.QuerySelector("[data-fee]")!.Text());
    }

    [Fact]
    public async Task Saving_the_answers_again_a_moment_after_a_code_goes_on_to_that_code()
    {
        var client = await StartDraftAsync();
        (string, string)[] answers =
        [
            ("RequesterKind", "Holder"), ("NationalCode", "0076543218"), ("FirstName", "زهرا"), ("LastName", "کریمی"),
            ("FatherName", "محمود"), ("BirthDate", "1360/02/05"), ("Gender", "Female"), ("Mobile", "09121110003"), ("Email", ""),
        ];
        await Forms.SubmitAsync(client, "/requests/form/applicant", "/requests/form/applicant", answers);

        var (again, page) = await Forms.SubmitAsync(client, "/requests/form/applicant", "/requests/form/applicant", answers);

        Assert.Equal("/requests/form/mobile", again.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Null(page.QuerySelector(".error-summary"));
        Assert.Equal(1, portal.Messages.Messages().Count(m => m.Recipient == "09121110003"));
    }
}
