using System.IO.Compression;
using System.Text;
using CertificateInquiry.Web.Features.Shared.Batches;
using MiniExcelLibs;

namespace CertificateInquiry.UnitTests.Shared.Batches;

public class BatchFileReaderTests
{
    private const string Header = "row_id,national_code,certificate_number,first_name,last_name";

    internal static async Task<(BatchFileCheck Check, List<BatchInputRow> Rows)> ReadAsync(
        byte[] bytes, string? fileName = "batch.csv", string? contentType = null, BatchFileLimits? limits = null)
    {
        using var file = await BatchFileReader.OpenAsync(new MemoryStream(bytes), fileName, contentType, CancellationToken.None, limits);
        var check = file.Check();
        var rows = check.IsAccepted ? file.ReadRows().ToList() : [];
        return (check, rows);
    }

    private static byte[] Utf8(string text, bool bom = false) =>
        [.. bom ? Encoding.UTF8.GetPreamble() : [], .. new UTF8Encoding(false).GetBytes(text)];

    internal static byte[] Xlsx(IEnumerable<IDictionary<string, object?>> lines, bool printHeader = true)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(lines, printHeader: printHeader, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Line(object? rowId, object? nationalCode, object? number = null, object? first = null, object? last = null) =>
        new()
        {
            ["row_id"] = rowId, ["national_code"] = nationalCode, ["certificate_number"] = number,
            ["first_name"] = first, ["last_name"] = last,
        };

    [Theory]
    [InlineData(false, "\n")]
    [InlineData(true, "\n")]
    [InlineData(false, "\r\n")]
    [InlineData(true, "\r\n")]
    public async Task Reads_csv_with_or_without_a_bom_and_with_either_line_end(bool bom, string newline)
    {
        var text = Header + newline + "a1,0012345679,TV-1,علی,رضایی" + newline + "a2,۰۰۱۲۳۴۵۶۷۹,,," + newline;

        var (check, rows) = await ReadAsync(Utf8(text, bom));

        Assert.Equal(new BatchFileCheck(BatchFileFormat.Csv, 2, null), check);
        Assert.Equal(
            [new BatchInputRow(1, "a1", "0012345679", "TV-1", "علی", "رضایی"), new BatchInputRow(2, "a2", "۰۰۱۲۳۴۵۶۷۹", "", "", "")],
            rows);
    }

    [Fact]
    public async Task Reads_quoted_fields_with_commas_doubled_quotes_and_line_breaks()
    {
        var text = Header + "\r\n\"a,1\",\"0012345679\",\"TV \"\"x\"\"\",\"علی\r\nرضا\",\"\"\r\n";

        var (_, rows) = await ReadAsync(Utf8(text));

        Assert.Equal(new BatchInputRow(1, "a,1", "0012345679", "TV \"x\"", "علی\nرضا", ""), Assert.Single(rows));
    }

    [Fact]
    public async Task Takes_the_columns_in_any_order_and_header_names_in_any_case_with_spaces()
    {
        var text = " Last_Name , FIRST_NAME,certificate_number,National_Code,ROW_ID\nرضایی,علی,TV-1,0012345679,a1\n";

        var (check, rows) = await ReadAsync(Utf8(text));

        Assert.True(check.IsAccepted);
        Assert.Equal(new BatchInputRow(1, "a1", "0012345679", "TV-1", "علی", "رضایی"), Assert.Single(rows));
    }

    [Fact]
    public async Task Skips_blank_lines_and_does_not_count_them_as_rows()
    {
        var text = Header + "\n\na1,0012345679,,,\n,,,,\n\na2,0012345679,,,\n\n";

        var (_, rows) = await ReadAsync(Utf8(text));

        Assert.Equal([(1, "a1"), (2, "a2")], rows.Select(r => (r.RowNumber, r.RowId)));
    }

    [Fact]
    public async Task Marks_a_row_with_values_outside_the_columns_and_fills_missing_cells_with_empty_strings()
    {
        var text = Header + ",\na1,0012345679,TV-1,علی,رضایی,اضافه\na2,0012345679\na3,0012345679,,,,\n";

        var (_, rows) = await ReadAsync(Utf8(text));

        Assert.Equal([true, false, false], rows.Select(r => r.HasExtraValues));
        Assert.Equal(new BatchInputRow(2, "a2", "0012345679", "", "", ""), rows[1]);
    }

    [Fact]
    public async Task Refuses_windows_1256_text_as_not_utf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1256).GetBytes(Header + "\na1,0012345679,TV-1,علی,رضایی\n");

        var (check, _) = await ReadAsync(bytes);

        Assert.Equal("not_utf8", check.Rejection?.Code);
    }

    [Fact]
    public async Task Refuses_utf16_text_as_not_utf8()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Header + "\na1,0012345679,,,\n")).ToArray();

        var (check, _) = await ReadAsync(bytes);

        Assert.Equal("not_utf8", check.Rejection?.Code);
    }

    [Fact]
    public async Task A_bad_line_late_in_the_file_refuses_it_after_the_good_rows_were_read()
    {
        var good = string.Concat(Enumerable.Range(1, 50).Select(i => $"a{i},0012345679,,,\n"));
        byte[] bytes = [.. Utf8(Header + "\n" + good), .. "a51,"u8, 0xE1, 0xE1, (byte)'\n'];
        using var file = await BatchFileReader.OpenAsync(new MemoryStream(bytes), "batch.csv", "text/csv", CancellationToken.None);
        var read = 0;

        var refused = Assert.Throws<BatchFileRejectedException>(() =>
        {
            foreach (var _ in file.ReadRows())
            {
                read++;
            }
        });

        Assert.Equal("not_utf8", refused.Rejection.Code);
        Assert.Equal(50, read);
    }

    [Theory]
    [InlineData("row_id,national_code,certificate_number,first_name")]
    [InlineData("row_id,national_code,certificate_number,first_name,last_name,father_name")]
    [InlineData("row_id,national_code,certificate_number,first_name,first_name")]
    [InlineData("شناسه,کد ملی,شماره گواهینامه,نام,نام خانوادگی")]
    [InlineData("a1,0012345679,TV-1,علی,رضایی")]
    public async Task Refuses_a_header_with_missing_extra_repeated_or_other_columns(string header)
    {
        var (check, _) = await ReadAsync(Utf8(header + "\na1,0012345679,TV-1,علی,رضایی\n"));

        Assert.Equal("wrong_columns", check.Rejection?.Code);
        Assert.Contains(Header, check.Rejection!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData(Header + "\n")]
    [InlineData(Header + "\n,,,,\n")]
    public async Task Refuses_a_file_without_data_rows_as_empty(string text)
    {
        var (check, _) = await ReadAsync(Utf8(text, bom: true));

        Assert.Equal("empty", check.Rejection?.Code);
    }

    [Fact]
    public async Task Refuses_more_rows_than_the_limit_and_accepts_exactly_the_limit()
    {
        var limits = new BatchFileLimits { MaxRows = 3 };
        var three = Header + "\n" + string.Concat(Enumerable.Range(1, 3).Select(i => $"a{i},0012345679,,,\n"));

        Assert.Equal(3, (await ReadAsync(Utf8(three), limits: limits)).Check.Rows);
        Assert.Equal("too_many_rows", (await ReadAsync(Utf8(three + "a4,0012345679,,,\n"), limits: limits)).Check.Rejection?.Code);
    }

    [Fact]
    public async Task Refuses_100001_rows_with_the_default_limit()
    {
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 1; i <= 100_001; i++)
        {
            text.Append('r').Append(i).Append(",0012345679,,,\n");
        }

        var (check, _) = await ReadAsync(Utf8(text.ToString()));

        Assert.Equal("too_many_rows", check.Rejection?.Code);
    }

    [Fact]
    public async Task Refuses_a_file_over_the_size_limit_seekable_or_not()
    {
        var limits = new BatchFileLimits { MaxBytes = 100 };
        var bytes = Utf8(Header + "\n" + string.Concat(Enumerable.Range(1, 10).Select(i => $"a{i},0012345679,,,\n")));

        Assert.Equal("too_large", (await ReadAsync(bytes, limits: limits)).Check.Rejection?.Code);
        using var unseekable = await BatchFileReader.OpenAsync(new ForwardOnlyStream(bytes), "b.csv", null, CancellationToken.None, limits);
        Assert.Equal("too_large", unseekable.Check().Rejection?.Code);
    }

    [Fact]
    public async Task Reads_a_stream_that_cannot_seek_and_more_than_once()
    {
        var bytes = Utf8(Header + "\na1,0012345679,,,\n");
        using var file = await BatchFileReader.OpenAsync(new ForwardOnlyStream(bytes), "b.csv", null, CancellationToken.None);

        Assert.Equal(1, file.Check().Rows);
        Assert.Equal("a1", Assert.Single(file.ReadRows()).RowId);
    }

    [Fact]
    public async Task Reads_an_xlsx_written_by_miniexcel_keeping_text_cells_as_written()
    {
        var bytes = Xlsx([Line("a1", "0012345679", "TV-1", "علی", "رضایی"), Line("a2", "۰۰۱۲۳۴۵۶۷۹", null, "ي", null)]);

        var (check, rows) = await ReadAsync(bytes, "batch.xlsx");

        Assert.Equal(new BatchFileCheck(BatchFileFormat.Xlsx, 2, null), check);
        Assert.Equal(
            [new BatchInputRow(1, "a1", "0012345679", "TV-1", "علی", "رضایی"), new BatchInputRow(2, "a2", "۰۰۱۲۳۴۵۶۷۹", "", "ي", "")],
            rows);
    }

    [Fact]
    public async Task Puts_back_the_leading_zeros_of_a_national_code_excel_kept_as_a_number()
    {
        var bytes = Xlsx([Line(1d, 12345679d, 140212d)]);

        var (_, rows) = await ReadAsync(bytes, "batch.xlsx");

        Assert.Equal(new BatchInputRow(1, "1", "0012345679", "140212", "", ""), Assert.Single(rows));
    }

    [Fact]
    public async Task Reads_an_xlsx_by_its_bytes_whatever_its_name_says()
    {
        var bytes = Xlsx([Line("a1", "0012345679")]);

        var (check, _) = await ReadAsync(bytes, "batch.csv", "text/csv");

        Assert.Equal(BatchFileFormat.Xlsx, check.Format);
        Assert.True(check.IsAccepted);
    }

    [Fact]
    public async Task Refuses_an_xlsx_with_wrong_columns_or_no_rows()
    {
        var wrong = Xlsx([new Dictionary<string, object?> { ["row_id"] = "a1", ["code"] = "0012345679" }]);
        var headerOnly = Xlsx([Line("row_id", "national_code", "certificate_number", "first_name", "last_name")], printHeader: false);

        Assert.Equal("wrong_columns", (await ReadAsync(wrong, "b.xlsx")).Check.Rejection?.Code);
        Assert.Equal("empty", (await ReadAsync(headerOnly, "b.xlsx")).Check.Rejection?.Code);
    }

    [Fact]
    public async Task Refuses_a_text_file_named_xlsx_as_not_a_spreadsheet()
    {
        var (check, _) = await ReadAsync(Utf8(Header + "\na1,0012345679,,,\n"), "batch.xlsx");

        Assert.Equal("not_a_spreadsheet", check.Rejection?.Code);
    }

    [Fact]
    public async Task Refuses_a_zip_that_is_not_a_workbook_as_not_a_spreadsheet()
    {
        var docx = Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/document.xml", "<w:document/>"u8.ToArray()));

        var (check, _) = await ReadAsync(docx, "letter.xlsx");

        Assert.Equal("not_a_spreadsheet", check.Rejection?.Code);
    }

    [Fact]
    public async Task Refuses_a_zip_bomb_by_its_unpacked_size()
    {
        var bomb = Zip(("xl/workbook.xml", "<workbook/>"u8.ToArray()), ("xl/worksheets/sheet1.xml", new byte[5_000_000]));

        var (check, _) = await ReadAsync(bomb, "b.xlsx", limits: new BatchFileLimits { MaxUnpackedBytes = 1_000_000 });

        Assert.Equal("not_a_spreadsheet", check.Rejection?.Code);
    }

    [Fact]
    public async Task Refuses_a_workbook_whose_sheet_is_broken_xml_as_not_a_spreadsheet()
    {
        var bytes = Xlsx([Line("a1", "0012345679")]);
        using (var zip = new ZipArchive(new MemoryStream(bytes, writable: true), ZipArchiveMode.Update))
        {
            var sheet = zip.Entries.Single(e => e.FullName.EndsWith("sheet1.xml", StringComparison.Ordinal));
            sheet.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>row_id");
        }

        var (check, _) = await ReadAsync(bytes, "b.xlsx");

        Assert.Equal("not_a_spreadsheet", check.Rejection?.Code);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 })] // %PDF-1.7
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 })] // an old .xls
    [InlineData(new byte[] { 0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0 })] // an empty zip
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0 })] // a zip cut short
    public async Task Refuses_other_binary_files_as_not_a_spreadsheet(byte[] head)
    {
        byte[] bytes = [.. head, .. new byte[200]];

        var (check, _) = await ReadAsync(bytes, "batch.csv");

        Assert.Equal("not_a_spreadsheet", check.Rejection?.Code);
    }

    [Fact]
    public async Task Reads_junk_values_as_they_are_for_the_row_check_to_judge()
    {
        var huge = new string('۹', 5_000_000);
        var text = Header + "\na\u0000b,0012345679\u0007,\u202Etv,\"" + huge + "\",x\n";

        var (check, rows) = await ReadAsync(Utf8(text));

        Assert.True(check.IsAccepted);
        var row = Assert.Single(rows);
        Assert.Equal("a\u0000b", row.RowId);
        Assert.Equal(5_000_000, row.FirstName.Length);
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>A request body: reads forward, never seeks.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
