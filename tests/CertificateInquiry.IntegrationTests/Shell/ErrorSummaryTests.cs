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
        Assert.NotNull(summary.QuerySelector("[role=alert]"));

        var items = summary.QuerySelectorAll("li");
        Assert.Equal(3, items.Length);
        var links = summary.QuerySelectorAll("li a").ToDictionary(a => a.GetAttribute("href")!, a => a.Text());
        Assert.Equal("کد ملی را وارد کنید", links["#NationalCode"]);
        Assert.Equal("تاریخ تولد باید به شکل ۱۳۷۰/۰۱/۳۱ باشد", links["#Applicant_BirthDate"]);
        Assert.Contains(items, li => li.Text() == "این درخواست پیش‌تر ثبت شده است" && li.QuerySelector("a") is null);
    }

    [Fact]
    public async Task Page_with_validation_errors_has_a_title_starting_with_error()
    {
        var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/__test/invalid");

        Assert.Equal("خطا: صفحه اصلی | استعلام گواهینامه مهارت", page.Title);
    }
}
