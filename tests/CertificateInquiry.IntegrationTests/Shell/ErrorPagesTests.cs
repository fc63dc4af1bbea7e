using System.Net;

namespace CertificateInquiry.IntegrationTests.Shell;

public sealed class ErrorPagesTests(PortalWithTestEndpoints factory) : IClassFixture<PortalWithTestEndpoints>
{
    private const string Secret = TestEndpointsController.Secret;

    [Fact]
    public async Task Unknown_address_shows_the_persian_not_found_page()
    {
        var (response, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/no-such-page/at-all");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("صفحه پیدا نشد", page.QuerySelector("main h1")!.Text());
        Assert.Equal("صفحه پیدا نشد | استعلام گواهینامه مهارت", page.Title);
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal("fa", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/");
        Assert.DoesNotContain("no-such-page", page.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task Unknown_address_posted_to_shows_the_not_found_page_without_asking_for_a_token()
    {
        var response = await factory.CreateClient().PostAsync("/no-such-page", new FormUrlEncodedContent([new("a", "b")]));
        var page = await HtmlPage.ParseAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("صفحه پیدا نشد", page.QuerySelector("main h1")!.Text());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task A_failure_shows_the_persian_error_page_and_reveals_nothing(string method)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), "/__test/fail?name=" + Secret);
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([new("name", Secret)]);
        }

        var response = await factory.CreateClient().SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        var page = await HtmlPage.ParseAsync(response);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("خطایی رخ داد", page.QuerySelector("main h1")!.Text());
        Assert.Contains("دوباره تلاش کنید", page.QuerySelector("main")!.Text());
        AssertRevealsNothing(html);
    }

    [Fact]
    public async Task Server_error_page_reached_directly_is_persian_sets_500_and_reveals_nothing()
    {
        var (response, page) = await HtmlPage.GetAsync(factory.CreateClient(), "/error/500");
        var html = page.DocumentElement.OuterHtml;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("خطایی رخ داد", page.QuerySelector("main h1")!.Text());
        Assert.Equal("خطایی رخ داد | استعلام گواهینامه مهارت", page.Title);
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/");
        AssertRevealsNothing(html);
    }

    [Theory]
    [InlineData(400, "درخواست نادرست است")]
    [InlineData(403, "اجازه دسترسی ندارید")]
    [InlineData(404, "صفحه پیدا نشد")]
    [InlineData(405, "درخواست انجام نشد")]
    [InlineData(429, "تعداد درخواست‌ها زیاد است")]
    [InlineData(503, "خطایی رخ داد")]
    public async Task Error_page_reached_directly_sets_its_status_code(int code, string heading)
    {
        var (response, page) = await HtmlPage.GetAsync(factory.CreateClient(), $"/error/{code}");

        Assert.Equal(code, (int)response.StatusCode);
        Assert.Equal(heading, page.QuerySelector("main h1")!.Text());
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/");
    }

    [Theory]
    [InlineData("/error/200")]
    [InlineData("/error/302")]
    [InlineData("/error/999")]
    public async Task Error_address_for_a_code_that_is_no_error_is_not_found(string path)
    {
        var (response, page) = await HtmlPage.GetAsync(factory.CreateClient(), path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("صفحه پیدا نشد", page.QuerySelector("main h1")!.Text());
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Error_pages_answer_any_method_without_an_antiforgery_token(string method)
    {
        var response = await factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), "/error/500"));
        var page = await HtmlPage.ParseAsync(response);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("خطایی رخ داد", page.QuerySelector("main h1")!.Text());
    }

    private static void AssertRevealsNothing(string html)
    {
        Assert.DoesNotContain(Secret, html);
        Assert.DoesNotContain("Exception", html);
        Assert.DoesNotContain("StackTrace", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(".cs:line", html);
        Assert.DoesNotContain("__test", html);
        Assert.DoesNotContain(Path.DirectorySeparatorChar + "src" + Path.DirectorySeparatorChar, html);
        Assert.DoesNotContain(AppContext.BaseDirectory, html);
    }
}
