using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.IntegrationTests.Shell;

public sealed class HomePageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Organization = "سازمان آموزش فنی و حرفه‌ای کشور";

    public static TheoryData<string, string> MenuLinks => new()
    {
        { "/certificates/lookup", "استعلام گواهینامه" },
        { "/licenses/check", "استعلام پروانه مهارت" },
        { "/requests/new", "درخواست استعلام گواهینامه‌های قبل از ۱۳۹۲" },
        { "/requests/track", "پیگیری درخواست" },
        { "/admin", "ورود کارشناسان" },
    };

    [Fact]
    public async Task Shows_the_service_in_persian_right_to_left()
    {
        var (response, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("fa", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal("صفحه اصلی | استعلام گواهینامه مهارت", page.Title);
        Assert.Contains(Organization, page.QuerySelector("header")!.Text());
        Assert.Equal("استعلام گواهینامه و پروانه مهارت", page.QuerySelector("main h1")!.Text());
    }

    [Fact]
    public async Task Explains_the_service_in_plain_persian_with_persian_digits()
    {
        var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/");
        var main = page.QuerySelector("main")!.Text();

        foreach (var phrase in new[] { "آموزش و پرورش", "قوه قضائیه", "تفاهم‌نامه", "کارفرمایان", "کد رهگیری", "اداره کل", "پیش از سال ۱۳۹۲" })
        {
            Assert.Contains(phrase, main);
        }

        // Numbers in Persian text are written in Persian digits.
        Assert.DoesNotMatch("[0-9]", main);
    }

    [Theory]
    [MemberData(nameof(MenuLinks))]
    public async Task Menu_links_to_each_service(string path, string text)
    {
        var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/");

        var menu = page.QuerySelector("nav[aria-label] ul")!;
        var link = Assert.Single(menu.QuerySelectorAll("a"), a => a.GetAttribute("href") == path);
        Assert.Equal(text, link.Text());

        // The home page also offers every service as a card or button in its content.
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == path);
    }

    [Fact]
    public async Task Menu_has_exactly_the_five_services()
    {
        var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/");

        var hrefs = page.QuerySelectorAll("nav[aria-label] ul a").Select(a => a.GetAttribute("href") ?? "").ToArray();
        Assert.Equal(new[] { "/certificates/lookup", "/licenses/check", "/requests/new", "/requests/track", "/my", "/admin" }, hrefs);
    }

    [Fact]
    public async Task Skip_link_leads_to_the_main_content()
    {
        var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/");

        var skip = page.Body!.FirstElementChild!;
        Assert.Equal("A", skip.TagName);
        Assert.Equal("#main-content", skip.GetAttribute("href"));
        Assert.Equal("پرش به محتوای اصلی", skip.Text());
        Assert.Equal("MAIN", page.GetElementById("main-content")?.TagName);
    }

    [Fact]
    public async Task Footer_names_the_organization_ministry_and_jalali_year_in_persian_digits()
    {
        var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/");
        var footer = page.QuerySelector("footer")!.Text();
        var year = PersianText.ToPersianDigits(JalaliDate.YearOf(IranTime.Today(TimeProvider.System)));

        Assert.Contains(Organization, footer);
        Assert.Contains("وزارت تعاون، کار و رفاه اجتماعی", footer);
        Assert.Contains("به‌صورت الکترونیکی پاسخ می‌دهد", footer);
        Assert.Contains("© " + year, footer);
    }

    [Fact]
    public async Task Shows_no_error_summary_when_nothing_went_wrong()
    {
        var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/");

        Assert.Null(page.QuerySelector("[data-error-summary]"));
        Assert.DoesNotContain("خطا:", page.Title);
    }
}
