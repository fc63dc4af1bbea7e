using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.CertificateLookup;

public sealed class VerificationReportTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    private Task<HttpResponseMessage> ReportAsync(string nationalCode, string number) =>
        Forms.PostWithTokenFromAsync(portal.CreateClient(), "/certificates/lookup", "/certificates/report",
            ("NationalCode", nationalCode), ("CertificateNumber", number));

    [Fact]
    public async Task A_successful_lookup_offers_the_report_without_putting_the_keys_in_a_url()
    {
        var (_, page) = await Forms.SubmitAsync(portal.CreateClient(), "/certificates/lookup", "/certificates/lookup",
            ("NationalCode", "۰۰۷۶۵۴۳۲۱۸"), ("CertificateNumber", "1401-08-000101"));

        var form = page.QuerySelector("form[action='/certificates/report']")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("0076543218", form.QuerySelector("input[name='NationalCode']")!.GetAttribute("value"));
        Assert.Equal("1401-08-000101", form.QuerySelector("input[name='CertificateNumber']")!.GetAttribute("value"));
    }

    [SkippableFact]
    public async Task The_report_is_a_pdf_whose_text_holds_the_number_the_name_and_the_verification_link()
    {
        var response = await ReportAsync("1270123459", "1402-04-000102");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("tvto-certificate-1402-04-000102.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));

        var text = PdfText.Of(pdf);
        var code = await portal.WithDatabaseAsync(db => db.Certificates.Where(c => c.Number == "1402-04-000102").Select(c => c.VerificationCode).SingleAsync());
        Assert.Contains("1402-04-000102", text, StringComparison.Ordinal);
        Assert.Contains("علی رضایی", text, StringComparison.Ordinal);
        Assert.Contains("/verify/" + code, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_keys_get_the_uniform_miss_and_no_pdf()
    {
        var response = await ReportAsync("0084575948", "1402-04-000102");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var page = await HtmlPage.ParseAsync(response);
        Assert.NotNull(page.QuerySelector(".lookup-miss"));
        Assert.Null(page.QuerySelector(".record"));
    }
}
