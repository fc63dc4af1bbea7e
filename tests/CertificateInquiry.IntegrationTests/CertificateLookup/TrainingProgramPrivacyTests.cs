using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Requests;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.CertificateLookup;

/// <summary>
/// A certificate earned in prison (the Judiciary program) must look like any other wherever the public, an employer
/// or the holder's own documents show it: no program, no training place that names a prison or the Judiciary. The demo
/// showcase holds one (1404-22-000106, trained at «کارگاه آموزشی زندان مرکزی کرمانشاه»).
/// </summary>
public sealed class TrainingProgramPrivacyTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    private const string PrisonNumber = "1404-22-000106";
    private const string PrisonHolder = "3712345674";
    private const string Issuer = "اداره کل آموزش فنی و حرفه‌ای استان کرمانشاه";

    // What would tell a reader the certificate was earned in prison: the program's name and the training place's words.
    private static readonly string[] Revealing = ["قضائیه", "قضاییه", "زندان", "کارگاه آموزشی", "محل آموزش", "برنامه آموزشی"];

    private static void AssertReveals_nothing(string text)
    {
        foreach (var word in Revealing)
        {
            Assert.DoesNotContain(word, text, StringComparison.Ordinal);
        }
    }

    private static string Field(IElement card, string label) =>
        card.QuerySelectorAll(".record > div").Single(row => row.QuerySelector("dt")!.Text() == label).QuerySelector("dd")!.Text();

    private static string[] Labels(IElement card) =>
        [.. card.QuerySelectorAll(".record dt").Select(dt => dt.Text())];

    private static string Squeezed(string text) => Regex.Replace(text, @"\s+", " ");

    private async Task<IElement> LookupCardAsync(string nationalCode, string number)
    {
        var (_, page) = await Forms.SubmitAsync(portal.CreateClient(), "/certificates/lookup", "/certificates/lookup",
            ("NationalCode", nationalCode), ("CertificateNumber", number));
        return page.QuerySelector(".lookup-result") ?? throw new InvalidOperationException("The lookup found nothing.");
    }

    [Fact]
    public async Task The_lookup_result_of_a_prison_certificate_names_the_provincial_office_and_looks_like_any_other()
    {
        var prison = await LookupCardAsync(PrisonHolder, PrisonNumber);
        var centre = await LookupCardAsync("0076543218", "1401-08-000101");

        AssertReveals_nothing(prison.OuterHtml);
        Assert.Equal(Issuer, Field(prison, "مرجع صادرکننده"));
        Assert.Equal(Labels(centre), Labels(prison));
    }

    [Fact]
    public async Task The_verify_page_of_a_prison_certificate_reveals_no_program()
    {
        var code = await VerificationCodeAsync(PrisonNumber);

        var (response, page) = await HtmlPage.GetAsync(portal.CreateClient(), "/verify/" + code);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertReveals_nothing(page.DocumentElement.OuterHtml);
        Assert.Equal(Issuer, Field(page.QuerySelector(".record-card")!, "مرجع صادرکننده"));
    }

    [Theory]
    [InlineData("")]
    [InlineData(PrisonHolder)]
    public async Task The_license_check_of_a_prison_certificate_reveals_no_program(string nationalCode)
    {
        var (_, page) = await Forms.SubmitAsync(portal.CreateClient(), "/licenses/check", "/licenses/check",
            ("LicenseNumber", PrisonNumber), ("NationalCode", nationalCode));

        Assert.NotNull(page.QuerySelector(".record"));
        AssertReveals_nothing(page.DocumentElement.OuterHtml);
    }

    [SkippableFact]
    public async Task The_pdf_report_of_a_prison_certificate_names_the_provincial_office_and_no_program()
    {
        var response = await Forms.PostWithTokenFromAsync(portal.CreateClient(), "/certificates/lookup", "/certificates/report",
            ("NationalCode", PrisonHolder), ("CertificateNumber", PrisonNumber));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);

        var text = Squeezed(PdfText.Of(await response.Content.ReadAsByteArrayAsync()));

        Assert.Contains(PrisonNumber, text, StringComparison.Ordinal);
        AssertReveals_nothing(text);
        Assert.Contains(Issuer, text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_answer_letter_confirming_a_prison_certificate_names_the_provincial_office_and_no_prison()
    {
        var request = await AnswerLetterSeeds.AnsweredAsync(portal);
        await portal.WithDatabaseAsync(db => db.Certificates.Where(c => c.Number == request.CertificateNumber)
            .ExecuteUpdateAsync(set => set
                .SetProperty(c => c.Program, TrainingProgram.Judiciary)
                .SetProperty(c => c.TrainingCenter, "کارگاه آموزشی زندان مرکزی تهران")));
        var letter = await AnswerLetterSeeds.IssueAsync(portal, request.Id);

        var download = await Forms.PostWithTokenFromAsync(portal.CreateClient(), "/requests/track", "/requests/track/letter",
            ("TrackingCode", request.TrackingCode), ("NationalCode", request.NationalCode));
        var (_, verifyPage) = await HtmlPage.GetAsync(portal.CreateClient(), "/letters/verify/" + letter.VerificationCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        var text = Squeezed(PdfText.Of(await download.Content.ReadAsByteArrayAsync()));

        Assert.Contains(request.CertificateNumber!, text, StringComparison.Ordinal);
        AssertReveals_nothing(text);
        Assert.Contains("اداره کل آموزش فنی و حرفه‌ای استان تهران", text, StringComparison.Ordinal);
        AssertReveals_nothing(verifyPage.DocumentElement.OuterHtml);
    }

    private Task<string> VerificationCodeAsync(string number) =>
        portal.WithDatabaseAsync(db => db.Certificates.Where(c => c.Number == number).Select(c => c.VerificationCode).SingleAsync());
}
