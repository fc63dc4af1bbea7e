using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Requests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.Operations;

/// <summary>
/// Every absolute link comes from Portal:PublicAddress. The portal here accepts any Host (AllowedHosts "*", as in
/// Development), so a forged Host reaches the actions and the test shows that it goes no further.
/// </summary>
public sealed class PublicAddressTests(PublicAddressTests.PermissivePortal portal) : IClassFixture<PublicAddressTests.PermissivePortal>
{
    private const string Public = "https://estelam.tvto.example";

    private HttpClient ForgedHostClient() =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example") });

    [Fact]
    public async Task A_forged_host_appears_neither_in_the_report_text_nor_in_its_qr_code()
    {
        var response = await ForgedHostClient().PostAsync("/certificates/report", new FormUrlEncodedContent(
            [new("NationalCode", "1270123459"), new("CertificateNumber", "1402-04-000102")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var code = await portal.WithDatabaseAsync(db => db.Certificates.Where(c => c.Number == "1402-04-000102").Select(c => c.VerificationCode).SingleAsync());
        var text = PdfReading.Text(pdf);
        Assert.Contains(Public + "/verify/" + code, text, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
        Assert.Equal(Public + "/verify/" + code, PdfReading.QrCode(pdf));
    }

    [Fact]
    public async Task A_forged_host_does_not_reach_the_verify_link_of_the_lookup_result()
    {
        var response = await ForgedHostClient().PostAsync("/certificates/lookup", new FormUrlEncodedContent(
            [new("NationalCode", "1270123459"), new("CertificateNumber", "1402-04-000102")]));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains(Public + "/verify/", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_host_appears_neither_in_the_answer_letter_nor_in_its_qr_code()
    {
        var request = await AnswerLetterSeeds.AnsweredAsync(portal);
        var letter = await AnswerLetterSeeds.IssueAsync(portal, request.Id);

        var response = await Forms.PostWithTokenFromAsync(ForgedHostClient(), "/requests/track", "/requests/track/letter",
            ("TrackingCode", request.TrackingCode), ("NationalCode", request.NationalCode));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain("evil.example", PdfReading.Text(pdf), StringComparison.Ordinal);
        Assert.Equal(Public + "/letters/verify/" + letter.VerificationCode, PdfReading.QrCode(pdf));
    }

    public sealed class PermissivePortal : PortalFactory
    {
        protected override bool SeedDemoData => true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Portal:PublicAddress", Public);
            builder.UseSetting("AllowedHosts", "*");
        }
    }
}

/// <summary>In Production the public address is required, and requests for any other host are refused.</summary>
public sealed class PublicAddressInProductionTests
{
    [Fact]
    public void Production_refuses_to_start_without_a_public_address()
    {
        using var portal = new ProductionPortal(publicAddress: "");

        var failure = Assert.ThrowsAny<Exception>(() => portal.Server);

        Assert.Contains("Portal:PublicAddress", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_answers_only_the_public_host()
    {
        using var portal = new ProductionPortal(publicAddress: "https://estelam.tvto.example");

        var forged = await portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example") }).GetAsync("/");
        var real = await portal.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://estelam.tvto.example") }).GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
    }

    private sealed class ProductionPortal(string publicAddress) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Portal:PublicAddress", publicAddress);
            foreach (var (key, value) in ProductionTestKeys.Settings(Folder))
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

/// <summary>Reads a PDF back with poppler and zbar, as a person's tools would (both are installed in CI).</summary>
internal static class PdfReading
{
    public static string Text(byte[] pdf) => WithFile(pdf, file => Run("pdftotext", file, "-"));

    /// <summary>The content of the page's QR code.</summary>
    public static string QrCode(byte[] pdf) => WithFile(pdf, file =>
    {
        var image = file + "-page";
        Run("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", file, image);
        try
        {
            return Run("zbarimg", "--quiet", "--raw", image + ".png").Trim();
        }
        finally
        {
            File.Delete(image + ".png");
        }
    });

    private static string WithFile(byte[] pdf, Func<string, string> read)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(file, pdf);
            return read(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Run(string tool, params string[] arguments)
    {
        var result = ProcessRunner.Run(tool, arguments); // poppler-utils, zbar-tools
        Assert.True(result.ExitCode == 0, $"{tool} exited with {result.ExitCode}: {result.Errors}");
        return result.Output;
    }
}
