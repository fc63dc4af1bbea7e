using System.Net;
using System.Text;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.BackOffice;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.IntegrationTests.Staff;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Shared.Batches;
using CertificateInquiry.Web.Features.Staff.PaperLetters;
using Microsoft.EntityFrameworkCore;
using static CertificateInquiry.IntegrationTests.BackOffice.BackOfficePortal;
using static CertificateInquiry.IntegrationTests.PaperLetters.PaperLetterPages;

namespace CertificateInquiry.IntegrationTests.PaperLetters;

/// <summary>A letter's list uploaded as a file in the agencies' batch template, read by the shared batch reader.</summary>
public sealed class PaperLetterUploadTests(BackOfficePortal portal) : IClassFixture<BackOfficePortal>
{
    [Fact]
    public async Task A_csv_in_the_batch_template_with_a_bom_and_persian_digits_is_read_row_by_row()
    {
        var (code, number) = await SeedCertificateAsync(portal);
        var missing = Requests.TrackedRequests.NewNationalCode();
        var expert = await portal.SignedInAsync(TehranExpert);
        var csv = "\uFEFF" + BatchColumns.HeaderLine + "\r\n"
            + $"r1,{Persian(code)},{number},مریم,صادقی\r\n"
            + $"r2,{missing},1380-05-000001,,\r\n"
            + "r3,12,1380-05-000002,,\r\n";

        var (response, _) = await UploadAsync(expert, NewLetterNumber(), Encoding.UTF8.GetBytes(csv), "letter.csv", rows: "", ("AcceptInvalidRows", "true"));

        var letter = await LetterAsync(portal, LetterId(response));
        Assert.Equal(
            [("r1", PaperRowOutcome.Verified), ("r2", PaperRowOutcome.Referred), ("r3", PaperRowOutcome.Invalid)],
            letter.Rows.OrderBy(r => r.RowNumber).Select(r => (r.RowId!, r.Outcome)));
        Assert.Equal("invalid_national_code", letter.Rows.Single(r => r.RowId == "r3").ReasonCode);
    }

    [Fact]
    public async Task A_file_that_is_not_the_template_is_refused_with_the_readers_reason_and_saves_nothing()
    {
        var expert = await portal.SignedInAsync(TehranExpert);
        var letterNumber = NewLetterNumber();

        var (wrong, page) = await UploadAsync(expert, letterNumber, Encoding.UTF8.GetBytes("name,code\nعلی,1\n"), "list.csv", rows: "");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains(BatchFileRejection.WrongColumns.Message, ErrorSummary(page), StringComparison.Ordinal);

        var (junk, junkPage) = await UploadAsync(expert, letterNumber, [0x00, 0xFF, 0xFE, 0x00, 0x01], "list.xlsx", rows: "");
        Assert.NotEqual(HttpStatusCode.InternalServerError, junk.StatusCode);
        Assert.Contains("مشکلی وجود دارد", junkPage.Body!.TextContent, StringComparison.Ordinal);

        var (both, bothPage) = await UploadAsync(expert, letterNumber, Encoding.UTF8.GetBytes(BatchColumns.HeaderLine + "\nr1,0012345679,1380-01-1,,\n"), "list.csv", rows: "1,0012345679,1380-01-1");
        Assert.Equal(HttpStatusCode.OK, both.StatusCode);
        Assert.Contains(RegisterLetterInputValidator.RowsTwice, ErrorSummary(bothPage), StringComparison.Ordinal);
        Assert.False(await portal.WithDatabaseAsync(db => db.PaperLetters.AnyAsync(l => l.AgencyLetterNumber == letterNumber)));
    }

    /// <summary>Posts the register form as the browser does when a file is chosen (multipart), with its antiforgery token.</summary>
    private static async Task<(HttpResponseMessage Response, IDocument Document)> UploadAsync(
        Browser browser, string letterNumber, byte[] file, string fileName, string rows, params (string Name, string Value)[] more)
    {
        var (_, form) = await HtmlPage.GetAsync(browser.Client, NewPath);
        var token = form.QuerySelector($"form[action='{NewPath}'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in Letter(letterNumber, rows, more: more).Append(("__RequestVerificationToken", token)))
        {
            content.Add(new StringContent(value), name);
        }

        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        content.Add(bytes, "File", fileName);
        var response = await browser.Client.PostAsync(NewPath, content);
        return (response, await HtmlPage.ParseAsync(response));
    }
}
