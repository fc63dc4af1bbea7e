using System.Text;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.Shared.Batches;
using CertificateInquiry.Web.Infrastructure.Files;
using MiniExcelLibs;

using CertificateInquiry.Web.Features.Shared.Inquiry;

namespace CertificateInquiry.UnitTests.Shared.Batches;

public class BatchResultWriterTests
{
    private static readonly string[] Header =
    [
        "row_id", "row_number", "outcome", "reason", "certificate_status", "certificate_number", "certificate_kind",
        "holder_name_match", "first_name_match", "last_name_match", "standard_title", "issue_date", "expiry_date", "province",
        "holder_nationality",
    ];

    private static readonly BatchResultRow Verified = new(1, "a1", BatchRowOutcome.Verified)
    {
        CertificateStatus = BatchCertificateStatus.Valid,
        CertificateNumber = "TV-1402-000123",
        CertificateKind = CertificateKind.Certificate,
        FirstNameMatch = NameMatch.Match,
        LastNameMatch = NameMatch.NotSupplied,
        StandardTitle = "برق‌کار ساختمان, درجه ۲",
        IssueDate = new DateOnly(2024, 3, 19),
        ExpiryDate = null,
        Province = "تهران",
        HolderNationality = "AF",
    };

    private static readonly BatchResultRow[] Mixed =
    [
        Verified,
        new(2, "a2", BatchRowOutcome.NotFound),
        new(3, "", BatchRowOutcome.Invalid) { Reason = BatchRowReasons.InvalidNationalCode },
        new(4, "=HYPERLINK(\"http://x\")", BatchRowOutcome.Verified)
        {
            CertificateStatus = BatchCertificateStatus.Revoked, CertificateKind = CertificateKind.License, CertificateNumber = "-1",
            FirstNameMatch = NameMatch.Mismatch, LastNameMatch = NameMatch.Match, StandardTitle = "@SUM(1)", Province = "+98",
            IssueDate = new DateOnly(2020, 1, 1), ExpiryDate = new DateOnly(2025, 1, 1),
        },
        new(4, "=HYPERLINK(\"http://x\")", BatchRowOutcome.Verified) { CertificateStatus = BatchCertificateStatus.Expired },
    ];

    private static readonly string[][] Expected =
    [
        ["a1", "1", "verified", "", "valid", "TV-1402-000123", "certificate", "match", "match", "not_supplied", "برق‌کار ساختمان, درجه ۲", "1402/12/29", "", "تهران", "AF"],
        ["a2", "2", "not_found", "", "", "", "", "", "", "", "", "", "", "", ""],
        ["", "3", "invalid", "invalid_national_code", "", "", "", "", "", "", "", "", "", "", ""],
        ["'=HYPERLINK(\"http://x\")", "4", "verified", "", "revoked", "'-1", "license", "mismatch", "mismatch", "match", "'@SUM(1)", "1398/10/11", "1403/10/12", "'+98", ""],
        ["'=HYPERLINK(\"http://x\")", "4", "verified", "", "expired", "", "", "not_supplied", "not_supplied", "not_supplied", "", "", "", "", ""],
    ];

    private static async IAsyncEnumerable<BatchResultRow> Stream(IEnumerable<BatchResultRow> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    [Fact]
    public async Task Csv_results_start_with_a_bom_and_read_back_as_written_with_formula_cells_neutralized()
    {
        using var output = new MemoryStream();

        await BatchResultWriter.WriteCsvAsync(Stream(Mixed), output, CancellationToken.None);

        var bytes = output.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Contains("\r\n", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        using var reader = new CsvRecordReader(new MemoryStream(bytes));
        Assert.Equal(Header, reader.Read()!.ToArray());
        foreach (var expected in Expected)
        {
            Assert.Equal(expected, reader.Read()!.ToArray());
        }

        Assert.Null(reader.Read());
    }

    [Fact]
    public async Task Xlsx_results_read_back_as_written_with_formula_cells_neutralized()
    {
        using var output = new MemoryStream();

        await BatchResultWriter.WriteXlsxAsync(Stream(Mixed), output, CancellationToken.None);

        output.Position = 0;
        var lines = output.Query(useHeaderRow: false, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .Select(line => line.Values.Select(v => v switch { null => "", double d => d.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => v.ToString()! }).ToArray())
            .ToList();
        Assert.Equal([Header, .. Expected], lines);
    }

    [Fact]
    public async Task Xlsx_results_are_written_to_a_stream_that_cannot_seek()
    {
        using var output = new NonSeekableStream();

        await BatchResultWriter.WriteXlsxAsync(Stream([Verified]), output, CancellationToken.None);

        var lines = new MemoryStream(output.ToArray()).Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("a1", Assert.Single(lines)["row_id"]);
    }

    [Fact]
    public async Task An_empty_result_still_has_its_header_in_both_formats()
    {
        using var csv = new MemoryStream();
        using var xlsx = new MemoryStream();

        await BatchResultWriter.WriteCsvAsync(Stream([]), csv, CancellationToken.None);
        await BatchResultWriter.WriteXlsxAsync(Stream([]), xlsx, CancellationToken.None);

        Assert.Equal("\uFEFF" + string.Join(',', Header) + "\r\n", Encoding.UTF8.GetString(csv.ToArray()));
        xlsx.Position = 0;
        Assert.Equal(Header, MiniExcel.GetColumns(xlsx, useHeaderRow: true, excelType: ExcelType.XLSX)!.ToArray());
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@A1", "'@A1")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("a=1", "a=1")]
    [InlineData("", "")]
    public void Neutralizes_a_cell_that_a_spreadsheet_would_take_for_a_formula(string value, string written) =>
        Assert.Equal(written, BatchResultWriter.Neutralize(value));

    private sealed class NonSeekableStream : MemoryStream
    {
        public override bool CanSeek => false;
    }
}
