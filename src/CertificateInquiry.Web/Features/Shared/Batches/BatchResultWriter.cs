using System.Runtime.CompilerServices;
using System.Text;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Persian;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

using CertificateInquiry.Web.Features.Shared.Inquiry;

namespace CertificateInquiry.Web.Features.Shared.Batches;

/// <summary>
/// Writes batch results (ADR-025) as they come, in the order given, so that 100,000 lines never sit in memory:
/// CSV in UTF-8 with a BOM (without it Excel reads the Persian as mojibake) and CRLF line ends, or XLSX through
/// MiniExcel. Dates are Jalali <c>yyyy/MM/dd</c> in Latin digits. Text that came from outside (the echoed row_id, and
/// every other free text for good measure) is neutralized against formula injection as OWASP advises: a cell that
/// starts with <c>= + - @</c>, a tab or a carriage return gets a leading apostrophe, in both formats.
/// </summary>
public static class BatchResultWriter
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The columns of a results file, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "row_id", "row_number", "outcome", "reason", "certificate_status", "certificate_number", "certificate_kind",
        "holder_name_match", "first_name_match", "last_name_match", "standard_title", "issue_date", "expiry_date", "province",
        "holder_nationality",
    ];

    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static string ContentType(BatchFileFormat format) => format == BatchFileFormat.Xlsx ? XlsxContentType : CsvContentType;

    public static string FileExtension(BatchFileFormat format) => format == BatchFileFormat.Xlsx ? ".xlsx" : ".csv";

    public static Task WriteAsync(IAsyncEnumerable<BatchResultRow> rows, BatchFileFormat format, Stream output, CancellationToken cancellationToken) =>
        format == BatchFileFormat.Xlsx ? WriteXlsxAsync(rows, output, cancellationToken) : WriteCsvAsync(rows, output, cancellationToken);

    /// <summary>RFC 4180 CSV: a field is quoted when it holds a comma, a quote, a line break or edge spaces; quotes are doubled.</summary>
    public static async Task WriteCsvAsync(IAsyncEnumerable<BatchResultRow> rows, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteAsync(Utf8Bom, cancellationToken);
        await using var writer = new StreamWriter(output, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', Columns));
        var line = new StringBuilder(256);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            line.Clear();
            var cells = Cells(row);
            for (var i = 0; i < cells.Length; i++)
            {
                if (i > 0)
                {
                    line.Append(',');
                }

                AppendCsvField(line, cells[i]);
            }

            await writer.WriteLineAsync(line, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// One sheet with the header row. MiniExcel seeks back to write the sheet's dimension, so a stream that cannot
    /// seek (a response body) gets the workbook through a temporary file.
    /// </summary>
    public static async Task WriteXlsxAsync(IAsyncEnumerable<BatchResultRow> rows, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanSeek)
        {
            await using var buffer = new FileStream(
                Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            await WriteXlsxAsync(rows, buffer, cancellationToken);
            buffer.Position = 0;
            await buffer.CopyToAsync(output, cancellationToken);
            return;
        }

        var configuration = new OpenXmlConfiguration { FastMode = true, EnableAutoWidth = false, AutoFilter = false };
        await output.SaveAsAsync(XlsxLines(rows, cancellationToken), printHeader: true, sheetName: "results", ExcelType.XLSX, configuration, cancellationToken);
    }

    /// <summary>The text of a cell made safe to open in a spreadsheet (OWASP, CSV injection).</summary>
    public static string Neutralize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }

    private static async IAsyncEnumerable<Dictionary<string, object?>> XlsxLines(
        IAsyncEnumerable<BatchResultRow> rows, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var any = false;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            any = true;
            yield return Line(Cells(row), row.RowNumber);
        }

        if (!any)
        {
            // MiniExcel takes the header from the first line; an empty result still gets its header.
            yield return Line(new string[Columns.Count], null);
        }
    }

    private static Dictionary<string, object?> Line(string?[] cells, int? rowNumber)
    {
        var line = new Dictionary<string, object?>(Columns.Count, StringComparer.Ordinal);
        for (var i = 0; i < Columns.Count; i++)
        {
            line[Columns[i]] = cells[i];
        }

        line["row_number"] = rowNumber; // a number cell, so that the sheet sorts by it
        return line;
    }

    private static string[] Cells(BatchResultRow row)
    {
        var verified = row.Outcome == BatchRowOutcome.Verified;
        return
        [
            Neutralize(row.RowId),
            row.RowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Code(row.Outcome),
            row.Outcome == BatchRowOutcome.Invalid ? Neutralize(row.Reason) : string.Empty,
            verified && row.CertificateStatus is { } status ? Code(status) : string.Empty,
            verified ? Neutralize(row.CertificateNumber) : string.Empty,
            verified && row.CertificateKind is { } kind ? Code(kind) : string.Empty,
            verified ? Code(row.HolderNameMatch) : string.Empty,
            verified ? Code(row.FirstNameMatch) : string.Empty,
            verified ? Code(row.LastNameMatch) : string.Empty,
            verified ? Neutralize(row.StandardTitle) : string.Empty,
            verified && row.IssueDate is { } issued ? JalaliDate.Format(issued) : string.Empty,
            verified && row.ExpiryDate is { } expires ? JalaliDate.Format(expires) : string.Empty,
            verified ? Neutralize(row.Province) : string.Empty,
            verified ? Neutralize(row.HolderNationality) : string.Empty,
        ];
    }

    private static string Code(BatchRowOutcome outcome) => outcome switch
    {
        BatchRowOutcome.Verified => "verified",
        BatchRowOutcome.NotFound => "not_found",
        _ => "invalid",
    };

    private static string Code(BatchCertificateStatus status) => status switch
    {
        BatchCertificateStatus.Valid => "valid",
        BatchCertificateStatus.Revoked => "revoked",
        _ => "expired",
    };

    private static string Code(CertificateKind kind) => kind == CertificateKind.License ? "license" : "certificate";

    private static string Code(NameMatch match) => match switch
    {
        NameMatch.Match => "match",
        NameMatch.Mismatch => "mismatch",
        _ => "not_supplied",
    };

    private static void AppendCsvField(StringBuilder line, string value)
    {
        var quote = value.Length > 0 && (value[0] == ' ' || value[^1] == ' ' || value.AsSpan().IndexOfAny(",\"\r\n") >= 0);
        if (!quote)
        {
            line.Append(value);
            return;
        }

        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
