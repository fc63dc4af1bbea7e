using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using Microsoft.AspNetCore.Mvc.Testing;
using static CertificateInquiry.IntegrationTests.Holders.HolderPortalFactory;

namespace CertificateInquiry.IntegrationTests.Holders;

/// <summary>
/// «کارنامه مهارتی من» as a holder sees it, and as someone tries it who is not that holder: the identifier comes only
/// from the holder's own cookie, so no address or form field shows another person's records.
/// </summary>
public sealed class MyCertificatesTests(HolderPortalFactory factory) : IClassFixture<HolderPortalFactory>
{
    [Fact]
    public async Task A_holder_sees_every_certificate_under_their_code_and_nobody_elses_with_no_program_or_centre()
    {
        var portal = await factory.ReadyAsync();
        var (response, page) = await HtmlPage.GetAsync(portal.SignedInHolder(Holder), "/my");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = page.Body!.TextContent;
        Assert.Contains(FirstNumber, text, StringComparison.Ordinal);
        Assert.Contains(SecondNumber, text, StringComparison.Ordinal); // the prison program's license, like any other
        Assert.DoesNotContain(OtherNumber, text, StringComparison.Ordinal);
        Assert.DoesNotContain("زندان", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Holder, text, StringComparison.Ordinal); // masked: ۰۰۷۶***۲۱۸
        Assert.Contains("مریم احمدی", text, StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("article.holder-certificate").Length);
    }

    [Fact]
    public async Task A_foreign_national_sees_their_certificate_under_their_twelve_digit_identifier_and_shares_it()
    {
        const string foreignId = "500123456781";
        var portal = await factory.ReadyAsync();
        var holder = portal.SignedInHolder(foreignId);

        var (_, page) = await HtmlPage.GetAsync(holder, "/my");
        var text = page.Body!.TextContent;
        Assert.Contains("1402-19-000201", text, StringComparison.Ordinal);
        Assert.Contains("کد یکتای اتباع", text, StringComparison.Ordinal);
        Assert.DoesNotContain(foreignId, text, StringComparison.Ordinal);

        var code = await ShareCodeTests.CreateAsync(holder, certificate: "", days: "14");
        var shared = (await ShareCodeTests.OpenAsync(portal.CreateClient(), code)).Body!.TextContent;
        Assert.Contains("1402-19-000201", shared, StringComparison.Ordinal);
        Assert.Contains("محمد نادر حیدری", shared, StringComparison.Ordinal);
        Assert.DoesNotContain(foreignId, shared, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_signing_in_the_area_sends_the_visitor_to_the_sign_in_page()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var path in new[] { "/my", "/my/share-codes", "/my/checks", "/my/report?number=" + FirstNumber })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/my/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_forged_or_other_schemes_cookie_is_not_a_holders_session()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", "ci-holder=CfDJ8forged; ci-agency=CfDJ8forged");

        using var response = await client.GetAsync("/my");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [SkippableFact] // reads the PDF with pdftotext, which a fresh machine may lack
    public async Task The_holder_downloads_the_report_of_their_own_certificate_and_gets_404_for_anyone_elses()
    {
        var portal = await factory.ReadyAsync();
        var client = portal.SignedInHolder(Holder);

        using var own = await client.GetAsync("/my/report?number=" + Uri.EscapeDataString(SecondNumber));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("application/pdf", own.Content.Headers.ContentType!.MediaType);
        var text = PdfText.Of(await own.Content.ReadAsByteArrayAsync());
        Assert.Contains(SecondNumber, text, StringComparison.Ordinal);

        foreach (var number in new[] { OtherNumber, PrisonNumber, "", "%00", "1401-08-000199", new string('9', 5000) })
        {
            using var other = await client.GetAsync("/my/report?number=" + number);
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }
    }

    [Fact]
    public async Task A_holder_with_no_records_is_told_so_and_pointed_to_the_request_form()
    {
        var (response, page) = await HtmlPage.GetAsync(factory.SignedInHolder("0013542419"), "/my");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ثبت نشده است", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/requests/new']"));
    }
}
