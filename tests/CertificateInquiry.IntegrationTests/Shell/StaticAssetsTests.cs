using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;

namespace CertificateInquiry.IntegrationTests.Shell;

/// <summary>
/// Static assets: fingerprinted names with a year's cache lifetime, compressed text, a favicon. Pages themselves are
/// never compressed (BREACH, ADR-014).
/// </summary>
public sealed class StaticAssetsTests(StaticAssetsTests.PublishedCachingPortal portal) : IClassFixture<StaticAssetsTests.PublishedCachingPortal>
{
    /// <summary>
    /// Run from a build output, ASP.NET Core sends every asset with no-cache so that edits show at once; a published
    /// site sends the manifest's headers. This switch makes the build behave as the published site.
    /// </summary>
    public sealed class PublishedCachingPortal : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["EnableStaticAssetsDevelopmentCaching"] = "true",
        };
    }

    private async Task<string> StyleSheetOfTheHomePageAsync()
    {
        var (_, page) = await HtmlPage.GetAsync(portal.CreateClient(), "/");
        return page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Single(href => href.StartsWith("/css/site", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_layout_links_a_fingerprinted_style_sheet_cached_for_a_year()
    {
        var href = await StyleSheetOfTheHomePageAsync();

        var response = await portal.CreateClient().GetAsync(href);

        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cache = response.Headers.CacheControl!;
        Assert.True(cache.MaxAge >= TimeSpan.FromDays(365), $"Cache-Control is {cache}");
        Assert.Contains("immutable", cache.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Style_sheets_and_scripts_are_compressed_for_a_browser_that_accepts_it(string encoding)
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Encoding", encoding);

        var css = await client.GetAsync(await StyleSheetOfTheHomePageAsync());
        var script = await client.GetAsync("/lib/bootstrap/js/bootstrap.bundle.min.js");

        Assert.Equal(encoding, Assert.Single(css.Content.Headers.ContentEncoding));
        Assert.Equal(encoding, Assert.Single(script.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task Pages_are_not_compressed()
    {
        var client = portal.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Encoding", "br, gzip");

        var response = await client.GetAsync("/certificates/lookup");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task The_favicon_is_served_and_linked_from_every_page()
    {
        var client = portal.CreateClient();

        var icon = await client.GetAsync("/favicon.ico");
        var (_, page) = await HtmlPage.GetAsync(client, "/");

        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType!.MediaType);
        Assert.Contains(page.QuerySelectorAll("link[rel=icon]"), l => l.GetAttribute("href")!.EndsWith(".ico", StringComparison.Ordinal));
    }
}
