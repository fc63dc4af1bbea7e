using System.Net;
using System.Net.Http.Headers;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Domain.Agencies;
using Microsoft.AspNetCore.Hosting;

namespace CertificateInquiry.IntegrationTests.AgencyApi;

/// <summary>
/// Production signs the agencies' access tokens with the configured certificate (the same file on every server) and
/// refuses to start without one: keys made at start-up would die with the process and fail on the other servers.
/// </summary>
public sealed class TokenKeysTests
{
    [Fact]
    public void Production_refuses_to_start_without_the_token_certificate()
    {
        using var portal = new ProductionPortal(withTokenCertificate: false);

        var failure = Assert.ThrowsAny<Exception>(() => portal.Server);

        Assert.Contains("AgencyApi:TokenCertificatePath", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_certificate_Production_issues_tokens_that_the_API_accepts()
    {
        using var portal = new ProductionPortal(withTokenCertificate: true);
        var client = portal.CreateClient();
        var credentials = await AgencyApiClients.RegisterAsync(portal, AgencyScopes.Verify);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await AgencyApiClients.TokenAsync(client, credentials));
        using var response = await client.InquireAsync(AgencyApiClients.Query("0076543218", "1401-08-000101"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private sealed class ProductionPortal(bool withTokenCertificate) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("AllowedHosts", "localhost");
            foreach (var (key, value) in ProductionTestKeys.Settings(Folder))
            {
                builder.UseSetting(key, value);
            }

            if (!withTokenCertificate)
            {
                builder.UseSetting("AgencyApi:TokenCertificatePath", "");
            }
        }
    }
}
