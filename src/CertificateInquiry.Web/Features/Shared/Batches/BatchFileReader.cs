using System.Globalization;
using System.Text;
using CertificateInquiry.Web.Infrastructure.Files;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace CertificateInquiry.Web.Features.Shared.Batches;

/// <summary>
/// Reads an agency batch file (ADR-025): CSV in strict UTF-8 (with or without a BOM) or an XLSX workbook's first sheet,
/// told apart by their bytes, never by the name or content type alone. Rows stream out one at a time; a file that
/// cannot be read as a whole is refused with a <see cref="BatchFileRejection"/>: at once by <see cref="Check"/>, or by a
/// <see cref="BatchFileRejectedException"/> from <see cref="ReadRows"/> (some problems, a line that is not UTF-8 or
/// the row after the last allowed one, show only on the way). Bad values in a row never refuse the file:
/// <see cref="BatchRowCheck"/> judges them.
/// <para>Usage: <c>using var file = await BatchFileReader.OpenAsync(stream, name, type, ct);</c> then
/// <c>file.Check()</c> before keeping anything, then <c>foreach (var row in file.ReadRows())</c>. Each call reads the
/// file again from its start. The caller's stream is left open; a stream that cannot seek (a request body) is first
/// copied to a temporary file, at most one byte over the size limit.</para>
/// </summary>
public sealed class BatchFileReader : IDisposable
{
    /// <summary>Columns of an XLSX that are looked at: the five with room for a few blank or extra ones.</summary>
    private const int XlsxColumnsRead = 16;

    // MiniExcel's default shared-string cache stays on: a large string table goes to a temporary file, not memory.
    private static readonly OpenXmlConfiguration XlsxReading = new() { IgnoreEmptyRows = true };

    private readonly Stream content;
    private readonly bool ownsContent;
    private readonly long start;
    private readonly BatchFileLimits limits;
    private readonly BatchFileRejection? rejection;

    private BatchFileReader(Stream content, bool ownsContent, BatchFileLimits limits, BatchFileFormat? format, BatchFileRejection? rejection)
    {
        this.content = content;
        this.ownsContent = ownsContent;
        start = content.CanSeek ? content.Position : 0;
        this.limits = limits;
        Format = format;
        this.rejection = rejection;
    }

    /// <summary>What the bytes are; null when the file is refused before its format is known (too large, not a spreadsheet).</summary>
    public BatchFileFormat? Format { get; }

    /// <summary>
    /// Looks at the file's size and first bytes (and, for a ZIP, its table of contents). Refusals found here come out
    /// of <see cref="Check"/> and <see cref="ReadRows"/> like the others; only I/O failures and cancellation throw.
    /// </summary>
    public static async Task<BatchFileReader> OpenAsync(
        Stream content, string? fileName, string? contentType, CancellationToken cancellationToken, BatchFileLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        limits ??= BatchFileLimits.Default;
        var owns = false;
        if (!content.CanSeek)
        {
            var copy = new FileStream(
                Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
                FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            try
            {
                var tooLarge = !await CopyAtMostAsync(content, copy, limits.MaxBytes, cancellationToken);
                copy.Position = 0;
                if (tooLarge)
                {
                    return new BatchFileReader(copy, true, limits, null, BatchFileRejection.TooLarge(limits.MaxBytes));
                }
            }
            catch
            {
                await copy.DisposeAsync();
                throw;
            }

            content = copy;
            owns = true;
        }

        var (format, rejection) = BatchFileSniffer.Sniff(content, fileName, contentType, limits);
        return new BatchFileReader(content, owns, limits, format, rejection);
    }

    /// <summary>Reads the whole file once, keeping nothing: its format, its number of data rows, or why it is refused.</summary>
    public BatchFileCheck Check(CancellationToken cancellationToken = default)
    {
        var rows = 0;
        try
        {
            foreach (var _ in ReadRows(cancellationToken))
            {
                rows++;
            }

            return new BatchFileCheck(Format, rows, null);
        }
        catch (BatchFileRejectedException refused)
        {
            return new BatchFileCheck(Format, 0, refused.Rejection);
        }
    }

    /// <summary>
    /// The data rows in file order, read lazily from the start of the file. Throws <see cref="BatchFileRejectedException"/>
    /// when the file is refused, possibly after some rows.
    /// </summary>
    public IEnumerable<BatchInputRow> ReadRows(CancellationToken cancellationToken = default)
    {
        if (rejection is not null)
        {
            throw new BatchFileRejectedException(rejection);
        }

        content.Position = start;
        using var rows = (Format == BatchFileFormat.Xlsx ? ReadXlsx() : ReadCsv()).GetEnumerator();
        var count = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (!rows.MoveNext())
                {
                    break;
                }
            }
            catch (DecoderFallbackException invalid)
            {
                throw new BatchFileRejectedException(BatchFileRejection.NotUtf8, invalid);
            }
            catch (Exception broken) when (Format == BatchFileFormat.Xlsx && broken is not (BatchFileRejectedException or OperationCanceledException or OutOfMemoryException))
            {
                // MiniExcel meets a broken part (bad XML, a cell reference it cannot read, a damaged entry).
                throw new BatchFileRejectedException(BatchFileRejection.NotASpreadsheet, broken);
            }

            if (++count > limits.MaxRows)
            {
                throw new BatchFileRejectedException(BatchFileRejection.TooManyRows(limits.MaxRows));
            }

            yield return rows.Current;
        }

        if (count == 0)
        {
            throw new BatchFileRejectedException(BatchFileRejection.Empty);
        }
    }

    public void Dispose()
    {
        if (ownsContent)
        {
            content.Dispose();
        }
    }

    private IEnumerable<BatchInputRow> ReadCsv()
    {
        using var reader = new CsvRecordReader(content, leaveOpen: true);
        var header = reader.Read() ?? throw new BatchFileRejectedException(BatchFileRejection.Empty);
        var columns = MapHeader(header) ?? throw new BatchFileRejectedException(BatchFileRejection.WrongColumns);
        var number = 0;
        while (reader.Read() is { } fields)
        {
            if (!IsBlank(fields))
            {
                yield return ToRow(++number, columns, fields);
            }
        }
    }

    private IEnumerable<BatchInputRow> ReadXlsx()
    {
        // A bounded range: a sheet that claims cells up to column XFD (16,384 of them) costs no more than one that does not.
        var sheet = MiniExcel.QueryRange(
            content, useHeaderRow: false, sheetName: null!, ExcelType.XLSX, startRowIndex: 1, startColumnIndex: 1,
            endRowIndex: null, endColumnIndex: XlsxColumnsRead, configuration: XlsxReading);
        int[]? columns = null;
        var number = 0;
        var fields = new List<string>(XlsxColumnsRead);
        var values = new List<object?>(XlsxColumnsRead);
        foreach (IDictionary<string, object?> cells in sheet)
        {
            fields.Clear();
            values.Clear();
            foreach (var value in cells.Values)
            {
                values.Add(value);
                fields.Add(value is null ? string.Empty : CellText(value));
            }

            if (IsBlank(fields))
            {
                continue;
            }

            if (columns is null)
            {
                columns = MapHeader(fields) ?? throw new BatchFileRejectedException(BatchFileRejection.WrongColumns);
                continue;
            }

            var nationalCodeColumn = columns[1];
            if (nationalCodeColumn < values.Count && values[nationalCodeColumn] is double code)
            {
                // Excel keeps a typed 0012345679 as the number 12345679: put back the leading zeros the cell lost.
                fields[nationalCodeColumn] = NumericNationalCode(code);
            }

            yield return ToRow(++number, columns, fields);
        }

        if (columns is null)
        {
            throw new BatchFileRejectedException(BatchFileRejection.Empty);
        }
    }

    private static string NumericNationalCode(double code) =>
        code is >= 0 and < 1e10 && Math.Floor(code) == code
            ? code.ToString("0000000000", CultureInfo.InvariantCulture)
            : CellText(code);

    /// <summary>A cell's value as the text a person sees: integers without exponent or decimals, dates as ISO dates.</summary>
    private static string CellText(object value) => value switch
    {
        string text => text,
        double number when Math.Floor(number) == number && Math.Abs(number) < 1e15 => number.ToString("0", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTime date => date.ToString(date.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>For each of <see cref="BatchColumns.All"/>, the position of its field; null when the names are not exactly those.</summary>
    private static int[]? MapHeader(IReadOnlyList<string> names)
    {
        var columns = new int[BatchColumns.All.Count];
        Array.Fill(columns, -1);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim().Trim('\uFEFF').Trim().ToLowerInvariant();
            if (name.Length == 0)
            {
                continue; // a blank header cell is not a column
            }

            var column = IndexOf(name);
            if (column < 0 || columns[column] >= 0)
            {
                return null;
            }

            columns[column] = i;
        }

        return Array.IndexOf(columns, -1) >= 0 ? null : columns;
    }

    private static int IndexOf(string name)
    {
        for (var i = 0; i < BatchColumns.All.Count; i++)
        {
            if (string.Equals(BatchColumns.All[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static BatchInputRow ToRow(int number, int[] columns, IReadOnlyList<string> fields)
    {
        string Field(int column) => columns[column] < fields.Count ? fields[columns[column]] : string.Empty;

        var extra = false;
        for (var i = 0; i < fields.Count && !extra; i++)
        {
            extra = Array.IndexOf(columns, i) < 0 && !string.IsNullOrWhiteSpace(fields[i]);
        }

        return new BatchInputRow(number, Field(0), Field(1), Field(2), Field(3), Field(4), extra);
    }

    private static bool IsBlank(IReadOnlyList<string> fields)
    {
        foreach (var field in fields)
        {
            if (!string.IsNullOrWhiteSpace(field))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Copies at most <paramref name="limit"/> bytes; false when the source had more.</summary>
    private static async Task<bool> CopyAtMostAsync(Stream source, Stream target, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        long copied = 0;
        while (true)
        {
            var read = await source.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return true;
            }

            copied += read;
            if (copied > limit)
            {
                return false;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }
}
