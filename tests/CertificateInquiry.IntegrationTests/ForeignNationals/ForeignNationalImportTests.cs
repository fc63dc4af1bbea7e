using System.Net;
using System.Text;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.AgencyApi;
using CertificateInquiry.IntegrationTests.AgencyApi.Batches;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.CertificateImport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.ForeignNationals;

/// <summary>
/// A foreign national's certificate (ADR-033) imported by CSV with the foreign nationals' columns, then found by the
/// 12-digit unique identifier through the public lookup, the employers' license check (holder-confirmed tier), the
/// report and the agency API; and the rows the import must refuse, with nothing written.
/// </summary>
public sealed class ForeignNationalImportTests : IDisposable
{
    private const string ForeignId = "500987654321";
    private const string Number = "1403-19-700001";
    private const string LicenseNumber = "1403-19-700002";

    private readonly PortalFactory portal = new();

    public ForeignNationalImportTests() => _ = portal.Server;

    public void Dispose() => portal.Dispose();

    private const string Header = ImportFiles.Header + ",foreign_national_id,nationality";

    /// <summary>A row in the layout with the foreign nationals' columns: an Afghan holder unless changed.</summary>
    private static string ForeignRow(string number = Number, string nationalCode = "", string foreignId = ForeignId, string nationality = "AF", params (string Column, string Value)[] changes) =>
        ImportFiles.Row(number, [("national_code", nationalCode), ("first_name", "محمد نادر"), ("last_name", "حیدری"), ("father_name", "غلام سخی"), .. changes])
        + "," + foreignId + "," + nationality;

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", rows) + "\n");

    private async Task<ImportResult> ImportAsync(byte[] csv)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CertificateImporter>().ImportAsync(new MemoryStream(csv), RecordSource.Imported, CancellationToken.None);
    }

    private Task ImportForeignHolderAsync() => ImportAsync(Csv(
        ForeignRow(),
        ForeignRow(LicenseNumber, changes: [("kind", "license"), ("expiry_date", "1408/03/01"), ("issue_date", "1403/03/01"), ("exam_date", "1403/02/11")]),
        ForeignRow("1403-04-700003", nationalCode: "1270123459", foreignId: "", nationality: "", changes: [("first_name", "علی"), ("last_name", "رضایی"), ("father_name", "محمود")])));

    private static string? Field(IDocument page, string label) =>
        page.QuerySelectorAll(".record > div").SingleOrDefault(row => row.QuerySelector("dt")!.Text() == label)?.QuerySelector("dd")!.Text();

    [Fact]
    public async Task A_foreign_row_is_stored_under_the_unique_identifier_with_its_nationality_beside_an_iranian_row()
    {
        await ImportForeignHolderAsync();

        var people = await portal.WithDatabaseAsync(db => db.People.AsNoTracking().OrderBy(p => p.NationalCode).Select(p => new { p.NationalCode, p.Nationality }).ToListAsync());
        Assert.Equal([new { NationalCode = "1270123459", Nationality = (string?)null }, new { NationalCode = ForeignId, Nationality = (string?)"AF" }], people);
        Assert.Equal(2, await portal.WithDatabaseAsync(db => db.Certificates.CountAsync(c => c.Person!.NationalCode == ForeignId)));
    }

    [Fact]
    public async Task The_lookup_finds_it_by_the_12_digit_identifier_and_labels_it_as_a_foreign_nationals()
    {
        await ImportForeignHolderAsync();

        var (response, page) = await Forms.SubmitAsync(portal.CreateClient(), "/certificates/lookup", "/certificates/lookup",
            ("NationalCode", "۵۰۰۹۸۷۶۵۴۳۲۱"), ("CertificateNumber", Number));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("محمد نادر حیدری", Field(page, "نام دارنده"));
        Assert.Equal("۵۰۰۹*****۳۲۱", Field(page, "کد یکتای اتباع"));
        Assert.Equal("افغانستان", Field(page, "ملیت"));
        Assert.Null(Field(page, "کد ملی"));

        // An Iranian's record keeps its label and shows no nationality.
        var (_, iranian) = await Forms.SubmitAsync(portal.CreateClient(), "/certificates/lookup", "/certificates/lookup",
            ("NationalCode", "1270123459"), ("CertificateNumber", "1403-04-700003"));
        Assert.Equal("۱۲۷۰***۴۵۹", Field(iranian, "کد ملی"));
        Assert.Null(Field(iranian, "ملیت"));
    }

    [Fact]
    public async Task A_wrong_identifier_for_the_number_is_the_uniform_miss()
    {
        await ImportForeignHolderAsync();

        var (_, page) = await Forms.SubmitAsync(portal.CreateClient(), "/certificates/lookup", "/certificates/lookup",
            ("NationalCode", "500987654322"), ("CertificateNumber", Number));

        Assert.NotNull(page.QuerySelector(".lookup-miss"));
        Assert.Null(page.QuerySelector(".record"));
    }

    [Fact]
    public async Task The_license_check_with_the_identifier_gives_the_full_record_and_without_it_no_nationality()
    {
        await ImportForeignHolderAsync();

        var (_, full) = await Forms.SubmitAsync(portal.CreateClient(), "/licenses/check", "/licenses/check",
            ("LicenseNumber", LicenseNumber), ("NationalCode", ForeignId));
        var (_, number) = await Forms.SubmitAsync(portal.CreateClient(), "/licenses/check", "/licenses/check",
            ("LicenseNumber", LicenseNumber), ("NationalCode", ""));

        Assert.Equal("محمد نادر حیدری", Field(full, "نام دارنده"));
        Assert.Equal("غلام سخی", Field(full, "نام پدر"));
        Assert.Equal("۵۰۰۹*****۳۲۱", Field(full, "کد یکتای اتباع"));
        Assert.Equal("افغانستان", Field(full, "ملیت"));
        Assert.Equal("م. ن. ح.", Field(number, "نام دارنده"));
        Assert.Null(Field(number, "ملیت"));
        Assert.Null(Field(number, "کد یکتای اتباع"));
        Assert.DoesNotContain("افغانستان", number.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_report_names_the_identifier_kind_and_the_nationality()
    {
        await ImportForeignHolderAsync();

        var response = await Forms.PostWithTokenFromAsync(portal.CreateClient(), "/certificates/lookup", "/certificates/report",
            ("NationalCode", ForeignId), ("CertificateNumber", Number));

        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var text = PdfText.Of(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("کد یکتای اتباع", text, StringComparison.Ordinal);
        Assert.Contains("افغانستان", text, StringComparison.Ordinal);
        Assert.DoesNotContain("کد ملی", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agency_api_answers_a_12_digit_identifier_with_the_holders_nationality()
    {
        await ImportForeignHolderAsync();
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Verify | AgencyScopes.Person);

        var verified = await (await client.InquireAsync(AgencyApiClients.Query(ForeignId, Number, ("lastName", "حیدری")))).JsonAsync();
        var all = await (await client.InquireAsync(AgencyApiClients.Query("۵۰۰۹۸۷۶۵۴۳۲۱", null))).JsonAsync();
        var iranian = await (await client.InquireAsync(AgencyApiClients.Query("1270123459", "1403-04-700003"))).JsonAsync();
        var missing = await (await client.InquireAsync(AgencyApiClients.Query("500987654322", Number))).JsonAsync();

        Assert.Equal(("verified", ForeignId, "AF", "match"), (verified.GetProperty("outcome").GetString(), verified.GetProperty("nationalCode").GetString(),
            verified.GetProperty("nationality").GetString(), verified.GetProperty("names").GetProperty("lastName").GetString()));
        Assert.Equal(2, all.GetProperty("certificates").GetArrayLength());
        Assert.Equal("AF", all.GetProperty("nationality").GetString());
        Assert.False(iranian.TryGetProperty("nationality", out _));
        Assert.Equal("not_found", missing.GetProperty("outcome").GetString());
        Assert.False(missing.TryGetProperty("nationality", out _));
    }

    [Fact]
    public async Task A_batch_row_with_the_12_digit_identifier_is_verified_with_the_holders_nationality()
    {
        await ImportForeignHolderAsync();
        var client = await AgencyApiClients.AgencyClientAsync(portal, AgencyScopes.Batch | AgencyScopes.Verify);

        var (location, batch) = await client.RunAsync(BatchApi.Csv(true,
            "f-1,۵۰۰۹۸۷۶۵۴۳۲۱," + Number + ",,حیدری",
            "f-2,1270123459,1403-04-700003,,",
            "f-3,555555555555," + Number + ",,",
            "f-4,50098765432," + Number + ",,",
            "f-5,500987654322," + Number + ",,"), "foreign.csv");
        var lines = BatchApi.CsvLines(await client.GetByteArrayAsync(location + "/results?format=csv"));

        Assert.Equal("completed", batch.GetProperty("status").GetString());
        var nationality = Array.IndexOf(CertificateInquiry.Web.Features.Shared.Batches.BatchResultWriter.Columns.ToArray(), "holder_nationality");
        Assert.Equal(("verified", "match", "AF"), (lines[0][2], lines[0][9], lines[0][nationality]));
        Assert.Equal(("verified", ""), (lines[1][2], lines[1][nationality]));
        Assert.Equal(("invalid", "invalid_national_code"), (lines[2][2], lines[2][3]));
        Assert.Equal(("invalid", "invalid_national_code"), (lines[3][2], lines[3][3]));
        Assert.Equal(("not_found", ""), (lines[4][2], lines[4][nationality]));
    }

    [Theory]
    [InlineData("11111111111", "", "", "national_code")] // 11 digits in the national code column
    [InlineData("", "50098765432", "AF", "foreign_national_id")] // 11 digits as a foreign identifier
    [InlineData("", "555555555555", "AF", "foreign_national_id")] // 12 equal digits
    [InlineData("", ForeignId, "", "nationality")] // a foreign identifier without a nationality
    [InlineData("", ForeignId, "XX", "nationality")] // an unknown nationality
    [InlineData("", ForeignId, "IR", "nationality")] // Iran is no foreign nationality
    [InlineData("1270123459", ForeignId, "AF", "foreign_national_id")] // both identifiers
    [InlineData("", "", "", "national_code")] // neither identifier
    [InlineData("500987654321", "", "", "national_code")] // a 12-digit identifier in the national code column
    [InlineData("1270123459", "", "AF", "nationality")] // a nationality for an Iranian
    public async Task A_bad_identity_refuses_the_whole_file_with_a_persian_message_and_writes_nothing(
        string nationalCode, string foreignId, string nationality, string column)
    {
        var result = await ImportAsync(Csv(ForeignRow("1403-19-700009"), ForeignRow(Number, nationalCode, foreignId, nationality)));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal((3, column), (error.Line, error.Column));
        Assert.Matches("[\u0600-\u06FF]", error.Persian);
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.Certificates.CountAsync()));
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task The_messages_say_what_is_wrong_in_persian()
    {
        var both = await ImportAsync(Csv(ForeignRow(Number, "1270123459", ForeignId, "AF")));
        var noNationality = await ImportAsync(Csv(ForeignRow(Number, "", ForeignId, "")));
        var unknown = await ImportAsync(Csv(ForeignRow(Number, "", ForeignId, "ZZ")));

        Assert.Contains("فقط یکی از کد ملی", both.Errors[0].Persian, StringComparison.Ordinal);
        Assert.Contains("ملیت خالی است", noNationality.Errors[0].Persian, StringComparison.Ordinal);
        Assert.Contains("ملیت شناخته نشد", unknown.Errors[0].Persian, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_identifier_described_with_two_nationalities_in_a_file_is_refused()
    {
        var result = await ImportAsync(Csv(ForeignRow(), ForeignRow(LicenseNumber, nationality: "PK")));

        Assert.False(result.Succeeded);
        Assert.Contains("کد یکتای اتباع", Assert.Single(result.Errors).Persian, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_old_file_without_the_foreign_columns_imports_as_before_and_a_mixed_header_is_refused()
    {
        var old = await ImportAsync(ImportFiles.Csv(ImportFiles.Row("1402-04-900001")));
        var wrongHeader = await ImportAsync(Encoding.UTF8.GetBytes(ImportFiles.Header + ",nationality\n" + ImportFiles.Row("1402-04-900002") + ",AF\n"));

        Assert.True(old.Succeeded, string.Join("\n", old.Errors));
        Assert.Equal(1, old.Inserted);
        Assert.False(wrongHeader.Succeeded);
        Assert.Contains("foreign_national_id,nationality", wrongHeader.Errors[0].Persian, StringComparison.Ordinal);
        Assert.Null(await portal.WithDatabaseAsync(db => db.People.Where(p => p.NationalCode == "1270123459").Select(p => p.Nationality).SingleAsync()));
    }

    [Fact]
    public async Task A_foreign_identifier_with_leading_zeros_is_a_different_holder_from_a_national_code_with_the_same_digits()
    {
        // 000076543218 and 0076543218 read as the same number; they are two people.
        var result = await ImportAsync(Csv(
            ForeignRow(Number, "", "000076543218", "IQ"),
            ForeignRow(LicenseNumber, "0076543218", "", "", ("first_name", "مریم"), ("last_name", "احمدی"), ("father_name", "حسن"))));

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(2, result.PeopleInserted);
    }
}
