using System.Text;
using MiniExcelLibs;

namespace CertificateInquiry.Web.Features.Shared.Batches;

/// <summary>
/// The empty batch template agencies fill in (and staff use for a paper letter's list): the header and one example
/// row. Built once; the bytes never change while the portal runs.
/// </summary>
public static class BatchTemplate
{
    /// <summary>
    /// The example row. Its national code 0012345679 passes the checksum (0,0,1,…,7 then check digit 9) so that the
    /// example is accepted as written, but it is a made-up sequence, not a person's; names and number are made up too.
    /// </summary>
    public static BatchInputRow Example { get; } = new(1, "example-1", "0012345679", "1402-12-000123", "علی", "رضایی");

    private static readonly Lazy<byte[]> CsvBytes = new(BuildCsv);
    private static readonly Lazy<byte[]> XlsxBytes = new(BuildXlsx);

    public static byte[] Csv => CsvBytes.Value;

    public static byte[] Xlsx => XlsxBytes.Value;

    private static byte[] BuildCsv()
    {
        var text = BatchColumns.HeaderLine + "\r\n" + string.Join(',', Values()) + "\r\n";
        // With a BOM, as the results: Excel opens the Persian names right.
        return [.. Encoding.UTF8.GetPreamble(), .. new UTF8Encoding(false).GetBytes(text)];
    }

    private static byte[] BuildXlsx()
    {
        var line = new Dictionary<string, object?>(StringComparer.Ordinal);
        var values = Values();
        for (var i = 0; i < BatchColumns.All.Count; i++)
        {
            line[BatchColumns.All[i]] = values[i]; // text cells: the national code keeps its leading zeros
        }

        using var stream = new MemoryStream();
        stream.SaveAs(new[] { line }, printHeader: true, sheetName: "batch", ExcelType.XLSX);
        return stream.ToArray();
    }

    private static string[] Values() =>
        [Example.RowId, Example.NationalCode, Example.CertificateNumber, Example.FirstName, Example.LastName];
}
