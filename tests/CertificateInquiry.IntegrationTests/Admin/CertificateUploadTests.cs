using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.Admin.Import;
using Microsoft.EntityFrameworkCore;
using static CertificateInquiry.IntegrationTests.Admin.AdminPages;

namespace CertificateInquiry.IntegrationTests.Admin;

/// <summary>The staff portal with a small upload limit (200 KB), so that the limit can be tested with small files.</summary>
public sealed class SmallUploadPortal : AdminPortal
{
    public const long MaxUploadBytes = 200 * 1024;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
        new Dictionary<string, string?> { ["Import:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) };
}

/// <summary>/admin/import: the command line's import through the browser, all or nothing, with its report.</summary>
public sealed class CertificateUploadTests(SmallUploadPortal portal) : IClassFixture<SmallUploadPortal>
{
    /// <summary>Posts the page's form with a file, as a browser does (multipart, the form's antiforgery token).</summary>
    private static async Task<(HttpResponseMessage Response, IDocument Page)> UploadAsync(HttpClient client, byte[]? content, string fileName = "certificates.csv")
    {
        var (_, page) = await HtmlPage.GetAsync(client, "/admin/import");
        var token = page.QuerySelector("form[action='/admin/import'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(content ?? []);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        if (content is null)
        {
            // What a browser sends when no file was chosen: the part, with an empty file name.
            file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"File\"", FileName = "\"\"" };
            form.Add(file);
        }
        else
        {
            form.Add(file, CertificateUploadController.FileField, fileName);
        }

        var response = await client.PostAsync("/admin/import", form);
        return (response, await HtmlPage.ParseAsync(response));
    }

    private Task<Certificate?> CertificateAsync(string number) =>
        portal.WithDatabaseAsync(db => db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Number == number));

    private Task<List<StaffAuditEntry>> ImportAuditAsync() => portal.WithDatabaseAsync(db =>
        db.StaffAudit.AsNoTracking().Where(e => e.SubjectType == CertificateUploadController.SubjectType).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task A_good_file_is_imported_and_the_same_file_again_is_reported_unchanged()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var csv = ImportFiles.Csv(
            ImportFiles.Row("1403-04-700001"),
            ImportFiles.Row("1403-04-700002", ("national_code", "0076543218"), ("first_name", "مریم"), ("last_name", "احمدی"), ("gender", "female")));

        var (response, done) = await UploadAsync(admin.Client, csv, "اصفهان-۱۴۰۳.csv");
        var (_, again) = await UploadAsync(admin.Client, csv);
        var imported = await CertificateAsync("1403-04-700002");
        var audit = await ImportAuditAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(done.QuerySelector("[data-import-succeeded]"));
        Assert.Contains("اصفهان-۱۴۰۳.csv", done.QuerySelector("[data-import-succeeded]")!.Text(), StringComparison.Ordinal);
        Assert.Equal("۲", done.QuerySelector("[data-row=certificates] [data-inserted]")!.Text());
        Assert.Equal("۲", again.QuerySelector("[data-row=certificates] [data-unchanged]")!.Text());
        Assert.Equal("۰", again.QuerySelector("[data-row=certificates] [data-inserted]")!.Text());
        Assert.Equal(RecordSource.Imported, imported!.Source);
        Assert.True(audit.Count >= 2);
        Assert.Equal(("certificate.import", "Imported"), (audit[^2].Action, audit[^2].ToStatus));
        Assert.Contains("۲ جدید", audit[^2].Details, StringComparison.Ordinal);
        Assert.Contains("۲ بدون تغییر", audit[^1].Details, StringComparison.Ordinal);
        Assert.DoesNotContain("0076543218", audit[^2].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_one_bad_row_imports_nothing_and_lists_the_error_with_its_line_and_column()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var csv = ImportFiles.Csv(
            ImportFiles.Row("1403-04-710001"),
            ImportFiles.Row("1403-04-710002", ("national_code", "1234567890")),
            ImportFiles.Row("1403-04-710003", ("issue_date", "1403/13/40")));

        var (response, refused) = await UploadAsync(admin.Client, csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("هیچ ردیفی وارد نشد", refused.QuerySelector("[data-import-refused]")!.Text(), StringComparison.Ordinal);
        var rows = refused.QuerySelectorAll("[data-import-errors] tbody tr").ToList();
        Assert.Equal(["3", "4"], rows.Select(r => r.GetAttribute("data-error-line")).ToList());
        Assert.Equal("۳", rows[0].Children[0].Text());
        Assert.Equal("national_code", rows[0].Children[1].Text());
        Assert.Contains("کد ملی", rows[0].Children[2].Text(), StringComparison.Ordinal);
        Assert.Equal("issue_date", rows[1].Children[1].Text());
        Assert.Null(await CertificateAsync("1403-04-710001")); // the good row before the bad one is not written either
        Assert.Equal("Refused", (await ImportAuditAsync()).Last().ToStatus);
    }

    [Fact]
    public async Task A_file_bigger_than_the_in_memory_buffer_is_imported_from_its_temporary_file()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var csv = ImportFiles.Generated(400, seed: 77); // ~100 KB: above the 64 KB kept in memory, below the limit
        Assert.InRange(csv.Length, 64 * 1024, SmallUploadPortal.MaxUploadBytes);

        var (_, done) = await UploadAsync(admin.Client, csv);

        Assert.Contains("۴۰۶ ردیف", done.QuerySelector("[data-import-succeeded]")!.Text(), StringComparison.Ordinal);
        Assert.NotNull(await CertificateAsync("1402-04-000102")); // one of the demo showcase rows the generator always writes
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_before_it_is_read()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();
        var csv = new byte[SmallUploadPortal.MaxUploadBytes + 20 * 1024];

        var (response, refused) = await UploadAsync(admin.Client, csv);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(CertificateUploadLimitFilter.TooLargeMessage(SmallUploadPortal.MaxUploadBytes), Errors(refused)[CertificateUploadController.FileField]);

        // Even without an antiforgery token: the limit is checked before anything reads the body.
        using var form = new MultipartFormDataContent { { new ByteArrayContent(csv), CertificateUploadController.FileField, "big.csv" } };
        var withoutToken = await admin.Client.PostAsync("/admin/import", form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withoutToken.StatusCode);
    }

    [Fact]
    public async Task No_file_or_a_file_that_is_not_csv_gets_a_persian_error()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();

        var (_, none) = await UploadAsync(admin.Client, null);
        var (_, text) = await UploadAsync(admin.Client, ImportFiles.Csv(ImportFiles.Row()), "certificates.xlsx");

        Assert.StartsWith("خطا: ", none.Title, StringComparison.Ordinal);
        Assert.Equal(CertificateUploadController.FileRequired, Errors(none)[CertificateUploadController.FileField]);
        Assert.Equal(CertificateUploadController.NotCsv, Errors(text)[CertificateUploadController.FileField]);
    }
}
