using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;

namespace CertificateInquiry.IntegrationTests.CertificateLookup;

/// <summary>
/// A lookup's answer is shown on the page that asked for it (the keys never go into a URL): it must still read as a
/// page of its own to a screen reader, with its own title and the result taking focus.
/// </summary>
public sealed class LookupResultPageTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    private const string Service = " | استعلام گواهینامه مهارت";

    [Fact]
    public async Task A_certificate_lookups_result_has_its_own_title_and_takes_focus()
    {
        var (_, form) = await HtmlPage.GetAsync(portal.CreateClient(), "/certificates/lookup");
        var (_, result) = await Forms.SubmitAsync(portal.CreateClient(), "/certificates/lookup", "/certificates/lookup",
            ("NationalCode", "0076543218"), ("CertificateNumber", "1401-08-000101"));

        Assert.Equal("استعلام گواهینامه مهارت" + Service, form.Title);
        Assert.Equal("نتیجه استعلام گواهینامه مهارت" + Service, result.Title);
        AssertFocusedOnLoad(result, ".lookup-result");
    }

    [Fact]
    public async Task A_certificate_lookups_miss_has_its_own_title_and_takes_focus()
    {
        var (_, miss) = await Forms.SubmitAsync(portal.CreateClient(), "/certificates/lookup", "/certificates/lookup",
            ("NationalCode", "0076543218"), ("CertificateNumber", "1401-08-999999"));

        Assert.Equal("گواهینامه‌ای پیدا نشد" + Service, miss.Title);
        AssertFocusedOnLoad(miss, ".lookup-miss");
    }

    [Fact]
    public async Task A_license_checks_result_and_miss_have_their_own_titles_and_take_focus()
    {
        var (_, form) = await HtmlPage.GetAsync(portal.CreateClient(), "/licenses/check");
        var (_, result) = await Forms.SubmitAsync(portal.CreateClient(), "/licenses/check", "/licenses/check",
            ("LicenseNumber", "1402-04-000102"), ("NationalCode", ""));
        var (_, miss) = await Forms.SubmitAsync(portal.CreateClient(), "/licenses/check", "/licenses/check",
            ("LicenseNumber", "1402-04-999999"), ("NationalCode", ""));

        Assert.Equal("استعلام پروانه مهارت برای کارفرمایان" + Service, form.Title);
        Assert.Equal("نتیجه استعلام پروانه مهارت" + Service, result.Title);
        Assert.Equal("پروانه یا گواهینامه‌ای پیدا نشد" + Service, miss.Title);
        AssertFocusedOnLoad(result, ".lookup-result");
        AssertFocusedOnLoad(miss, ".lookup-miss");
    }

    /// <summary>site.js focuses the one element marked data-focus-on-load; it can take focus (tabindex -1) and is named.</summary>
    private static void AssertFocusedOnLoad(AngleSharp.Dom.IDocument page, string selector)
    {
        var marked = Assert.Single(page.QuerySelectorAll("[data-focus-on-load]"));
        Assert.Same(page.QuerySelector(selector), marked);
        Assert.Equal("-1", marked.GetAttribute("tabindex"));
        Assert.NotNull(page.GetElementById(marked.GetAttribute("aria-labelledby")!));
    }
}
