using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CertificateInquiry.IntegrationTests.Infrastructure;

namespace CertificateInquiry.IntegrationTests.AgencyApi;

/// <summary>The OpenAPI document describes the running API and nothing else, and its reference page is served from the portal.</summary>
public sealed class ApiDocumentTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_document_is_OpenAPI_3_1_with_the_inquiry_operation_its_scopes_and_no_page_of_the_portal()
    {
        using var response = await portal.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/inquiries", paths);
        Assert.All(paths, path => Assert.StartsWith("/api/", path, StringComparison.Ordinal));

        var post = document.GetProperty("paths").GetProperty("/api/v1/inquiries").GetProperty("post");
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out var body));
        Assert.Equal("0076543218", body.GetProperty("example").GetProperty("nationalCode").GetString());
        foreach (var status in new[] { "200", "400", "401", "403", "413", "415", "429" })
        {
            Assert.True(post.GetProperty("responses").TryGetProperty(status, out _), $"status {status} is not documented");
        }

        Assert.Equal(["inquiry.verify", "inquiry.person"], post.GetProperty("security")[0].GetProperty("agencyOAuth").EnumerateArray().Select(s => s.GetString()));
        var flow = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("agencyOAuth").GetProperty("flows").GetProperty("clientCredentials");

        // The token address is the configured public address, whatever Host the request named.
        Assert.Equal("http://localhost/connect/token", flow.GetProperty("tokenUrl").GetString());
    }

    [Fact]
    public async Task A_forged_Host_does_not_reach_the_document()
    {
        var client = portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "evil.example";

        var text = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reference_page_loads_only_the_portal_s_own_scripts_under_a_nonce_for_its_style()
    {
        var client = portal.CreateClient();

        using var page = await client.GetAsync("/api/docs");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"content=\"{nonce}\"", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.NotEqual(nonce, Regex.Match((await client.GetAsync("/api/docs")).Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value);

        var scripts = Regex.Matches(html, "<script src=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, scripts.Count);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        foreach (var script in scripts)
        {
            Assert.StartsWith("/", script, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(script)).StatusCode);
        }
    }
}
