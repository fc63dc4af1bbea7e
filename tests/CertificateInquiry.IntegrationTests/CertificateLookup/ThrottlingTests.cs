using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.CertificateLookup;

public sealed class ThrottlingTests : IDisposable
{
    private readonly ThrottledPortal portal = new();

    public void Dispose() => portal.Dispose();

    [Fact]
    public async Task Past_the_limit_a_client_gets_429_with_a_persian_page_and_nothing_is_looked_up()
    {
        var client = portal.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            var (allowed, _) = await Forms.SubmitAsync(client, "/certificates/lookup", "/certificates/lookup",
                ("NationalCode", "0084575948"), ("CertificateNumber", $"1401-08-{i:D6}"));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var (refused, page) = await Forms.SubmitAsync(client, "/certificates/lookup", "/certificates/lookup",
            ("NationalCode", "0076543218"), ("CertificateNumber", "1401-08-000101"));
        var verify = await client.GetAsync("/verify/0123456789abcdef");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "Retry-After is missing");
        Assert.Contains("تعداد درخواست‌ها", page.QuerySelector("main")!.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("مریم", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, verify.StatusCode);

        await Task.Delay(1500); // the audit writer's batch
        var audited = await portal.WithDatabaseAsync(db => db.InquiryAudit.CountAsync());
        Assert.Equal(3, audited); // the refused attempts changed nothing
    }

    [Fact]
    public async Task The_form_pages_themselves_are_not_throttled()
    {
        var client = portal.CreateClient();
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/certificates/lookup")).StatusCode);
        }
    }

    private sealed class ThrottledPortal : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:InquiriesPerWindow"] = "3",
            ["RateLimiting:Window"] = "00:05:00",
        };
    }
}
