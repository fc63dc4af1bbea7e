using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Shell;

/// <summary>
/// The portal runs on intranets without internet, under a Content-Security-Policy of 'self': every style sheet,
/// script, image and font must come from the portal itself, and be there.
/// </summary>
public sealed partial class LocalAssetsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string> Pages => new() { "/", "/no-such-page", "/error/500" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_asset_of_a_page_is_served_by_the_portal(string path)
    {
        var client = factory.CreateClient();
        var (_, page) = await HtmlPage.GetAsync(client, path);

        var urls = AssetUrls(page).ToList();
        // Names carry the content's fingerprint (MapStaticAssets): site.css is linked as site.{hash}.css.
        var unfingerprinted = urls.Select(u => Regex.Replace(u.Split('?')[0], @"\.[a-z0-9]{10}(\.[a-z0-9]+)$", "$1")).ToList();
        Assert.Contains("/css/site.css", unfingerprinted);
        Assert.Contains("/lib/bootstrap/css/bootstrap.rtl.min.css", unfingerprinted);
        Assert.Contains("/lib/bootstrap/js/bootstrap.bundle.min.js", unfingerprinted);

        foreach (var url in urls)
        {
            AssertLocal(url);
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Style_sheets_load_fonts_and_images_only_from_the_portal()
    {
        var client = factory.CreateClient();
        var (_, page) = await HtmlPage.GetAsync(client, "/");
        var styleSheets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.NotEmpty(styleSheets);

        var fontUrls = new List<string>();
        foreach (var sheet in styleSheets)
        {
            var css = await client.GetStringAsync(sheet);
            Assert.DoesNotContain("@import", css);
            foreach (Match match in CssUrl().Matches(css))
            {
                var reference = match.Groups["url"].Value.Trim();
                if (reference.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                AssertLocal(reference);
                var resolved = new Uri(new Uri(client.BaseAddress!, sheet), reference);
                Assert.Equal(client.BaseAddress!.Authority, resolved.Authority);
                var response = await client.GetAsync(resolved);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{reference} in {sheet} answered {(int)response.StatusCode}");
                if (resolved.AbsolutePath.EndsWith(".woff2", StringComparison.Ordinal))
                {
                    fontUrls.Add(resolved.AbsolutePath);
                    Assert.Equal("font/woff2", response.Content.Headers.ContentType?.MediaType);
                }
            }
        }

        Assert.Contains("/lib/vazirmatn/fonts/webfonts/Vazirmatn-Variable.woff2", fontUrls);
    }

    [Fact]
    public async Task Site_css_sets_vazirmatn_as_the_font()
    {
        var css = await factory.CreateClient().GetStringAsync("/css/site.css");

        Assert.Matches("@font-face\\s*\\{[^}]*font-family:\\s*\"Vazirmatn\"", css);
        Assert.Matches("--bs-body-font-family:\\s*\"Vazirmatn\"", css);
    }

    [Theory]
    [InlineData("lib/vazirmatn/fonts/ttf/Vazirmatn-Regular.ttf")]
    [InlineData("lib/vazirmatn/fonts/ttf/Vazirmatn-Bold.ttf")]
    [InlineData("lib/vazirmatn/OFL.txt")]
    [InlineData("lib/bootstrap/LICENSE")]
    [InlineData("lib/README.md")]
    public void Library_files_and_licences_are_committed_with_the_portal(string path)
    {
        // The portal runs from a fresh clone without npm: the copied libraries are part of the repository.
        var environment = factory.Services.GetRequiredService<IWebHostEnvironment>();
        var file = new FileInfo(Path.Combine(environment.WebRootPath, path));

        Assert.True(file.Exists, $"wwwroot/{path} is missing");
        Assert.True(file.Length > 0, $"wwwroot/{path} is empty");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_have_no_inline_styles_or_scripts(string path)
    {
        // The Content-Security-Policy blocks them; a page that relied on one would silently break.
        var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), path);

        Assert.Empty(page.QuerySelectorAll("style"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.All(page.QuerySelectorAll("script"), script => Assert.False(string.IsNullOrEmpty(script.GetAttribute("src"))));
        Assert.All(page.All, element => Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Pages_fit_a_phone_screen(string path)
    {
        var (_, page) = await HtmlPage.GetAsync(factory.CreateClient(), path);

        var viewport = Assert.Single(page.QuerySelectorAll("meta[name=viewport]"));
        Assert.Equal("width=device-width, initial-scale=1", viewport.GetAttribute("content"));
    }

    private static IEnumerable<string> AssetUrls(IDocument page) =>
        page.QuerySelectorAll("link[href]").Select(e => e.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("script[src], img[src], source[src], iframe[src], video[src], audio[src]").Select(e => e.GetAttribute("src")!))
            .Concat(page.QuerySelectorAll("img[srcset], source[srcset]").SelectMany(e => e.GetAttribute("srcset")!.Split(',').Select(s => s.Trim().Split(' ')[0])));

    private static void AssertLocal(string url)
    {
        Assert.False(url.StartsWith("//", StringComparison.Ordinal), $"{url} is protocol-relative (another host)");
        Assert.False(Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https",
            $"{url} names a host");
    }

    [GeneratedRegex("""url\(\s*(?<quote>['"]?)(?<url>[^'")]+)\k<quote>\s*\)""")]
    private static partial Regex CssUrl();
}
