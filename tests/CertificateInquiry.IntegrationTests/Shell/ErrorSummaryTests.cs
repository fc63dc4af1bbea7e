using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Requests;

namespace CertificateInquiry.IntegrationTests.Shell;

/// <summary>The GOV.UK error summary that the layout shows on any page whose ModelState holds errors.</summary>
public sealed class ErrorSummaryTests(PortalWithTestEndpoints factory) : IClassFixture<PortalWithTestEndpoints>
{
    [Fact]
    public async Task Page_with_validation_errors_starts_with_an_error_summary_linking_to_each_field()
    {
        var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/__test/invalid");

        var summary = page.QuerySelector("main [data-error-summary]");
        Assert.NotNull(summary);
        Assert.Same(summary, page.QuerySelector("main > .container")!.FirstElementChild);
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        Assert.Equal("مشکلی وجود دارد", summary.QuerySelector("h2")!.Text());

        var items = summary.QuerySelectorAll("li").Select(li => (Text: li.Text(), Href: li.QuerySelector("a")?.GetAttribute("href"))).ToList();
        Assert.Equal(
            [
                ("این درخواست پیش‌تر ثبت شده است", null), // the whole form's error first, without a link
                ("کد رهگیری را وارد کنید", "#TrackingCode"), // then the fields in the page's order, at their real ids
                ("کد ملی را وارد کنید", "#NationalCode"),
                ("تاریخ تولد باید به شکل ۱۳۷۰/۰۱/۳۱ باشد", null), // a field the page does not have: no link to nothing
            ],
            items);
    }

    [Fact]
    public async Task The_error_summary_is_an_alert_named_by_its_heading()
    {
        var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/__test/invalid");

        // aria-labelledby is allowed only on an element with a role that may be named (the Nu Html Checker's error).
        var summary = page.QuerySelector("[data-error-summary]")!;
        Assert.Equal("alert", summary.GetAttribute("role"));
        var heading = page.GetElementById(summary.GetAttribute("aria-labelledby")!);
        Assert.NotNull(heading);
        Assert.Equal("مشکلی وجود دارد", heading.Text());
        Assert.Empty(page.QuerySelectorAll("[aria-labelledby]:not([role]):not(section):not(nav):not(aside):not(form):not(main):not(table):not(ul):not(input)"));
    }

    [Fact]
    public async Task Page_with_validation_errors_has_a_title_starting_with_error()
    {
        var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/__test/invalid");

        Assert.Equal("خطا: پیگیری درخواست استعلام | استعلام گواهینامه مهارت", page.Title);
    }

    [Fact]
    public async Task A_wrong_sms_code_is_linked_to_the_code_field_as_the_page_draws_it()
    {
        var journey = new PaymentJourney(factory);
        var draft = await journey.CreateCompleteDraftAsync(complete: false);
        var client = journey.ClientFor(draft);

        var (_, page) = await Forms.SubmitAsync(client, "/requests/form/mobile", "/requests/form/mobile", ("Code", "123456"));

        Assert.Equal(["Code"], ErrorSummary.AssertLinksFollowTheFields(page));
    }

    [Fact]
    public async Task The_applicant_step_lists_its_errors_in_the_order_of_its_fields()
    {
        var client = factory.CreateClient();
        await Forms.SubmitAsync(client, "/requests/new", "/requests/new");

        var (_, page) = await Forms.SubmitAsync(client, "/requests/form/applicant", "/requests/form/applicant",
            ("RequesterKind", "Organization"), ("NationalCode", "0076543219"), ("FirstName", "Zahra"), ("BirthDate", "1360/13/40"),
            ("Mobile", "0912123"), ("Email", "not-an-email"));

        var targets = ErrorSummary.AssertLinksFollowTheFields(page);
        Assert.Equal("OrganizationName", targets[0]);
        Assert.Contains("Gender", targets);
    }

    [Fact]
    public async Task The_documents_step_lists_refused_files_in_the_order_of_its_fields()
    {
        var journey = new PaymentJourney(factory);
        var draft = await journey.CreateCompleteDraftAsync();
        await factory.WithDatabaseAsync(async db =>
        {
            var request = await db.Requests.FindAsync(draft.Id);
            await db.Entry(request!).Collection(r => r.Documents).LoadAsync();
            request!.Documents.Clear();
            return await db.SaveChangesAsync();
        });
        var client = journey.ClientFor(draft);
        var (_, form) = await HtmlPage.GetAsync(client, "/requests/form/documents");
        var token = form.QuerySelector("form[enctype] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        // As a browser sends them, in the page's order. ModelState keeps its keys sorted (shorter names first), not in
        // the order they were added, so the summary must take its order from the page.
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent("not a picture"u8.ToArray()), "BirthCertificate", "birth.png" },
            { new ByteArrayContent("not a picture"u8.ToArray()), "EducationDegree", "degree.png" },
        };
        var response = await client.PostAsync("/requests/form/documents", content);
        var page = await HtmlPage.ParseAsync(response);

        Assert.Equal(["BirthCertificate", "EducationDegree"], ErrorSummary.AssertLinksFollowTheFields(page));
    }

    [Fact]
    public async Task The_tracking_form_lists_its_errors_in_the_order_of_its_fields()
    {
        var (_, page) = await Forms.SubmitAsync(factory.CreateClient(), "/requests/track", "/requests/track",
            ("TrackingCode", ""), ("NationalCode", ""));

        Assert.Equal(["TrackingCode", "NationalCode"], ErrorSummary.AssertLinksFollowTheFields(page));
    }

    [Fact]
    public async Task A_question_pages_back_link_is_inside_the_main_landmark()
    {
        var client = factory.CreateClient();
        var (_, page) = await Forms.SubmitAsync(client, "/requests/new", "/requests/new");

        var backLink = page.QuerySelector(".back-link");
        Assert.NotNull(backLink);
        Assert.NotNull(backLink.Closest("main"));
    }
}
