using System.IO.Compression;

namespace CertificateInquiry.Web.Features.Shared.Batches;

/// <summary>
/// Tells a batch file's format from its size and first bytes (and, for a ZIP, its table of contents), never from its
/// name alone (ADR-025). Leaves the stream where it found it.
/// </summary>
internal static class BatchFileSniffer
{
    /// <summary>
    /// First bytes of files that are surely neither: an empty or spanned ZIP, a PDF, an old .xls or .doc, gzip, RAR, PNG,
    /// JPEG, 7-Zip.
    /// </summary>
    private static readonly byte[][] OtherFormats =
    [
        "PK"u8.ToArray(), "%PDF"u8.ToArray(), [0xD0, 0xCF, 0x11, 0xE0], [0x1F, 0x8B], "Rar!"u8.ToArray(),
        [0x89, 0x50, 0x4E, 0x47], [0xFF, 0xD8, 0xFF], [0x37, 0x7A, 0xBC, 0xAF],
    ];

    /// <summary>The format, or why the file is refused before its rows are read.</summary>
    public static (BatchFileFormat? Format, BatchFileRejection? Rejection) Sniff(
        Stream content, string? fileName, string? contentType, BatchFileLimits limits)
    {
        var position = content.Position;
        var length = content.Length - position;
        if (length > limits.MaxBytes)
        {
            return (null, BatchFileRejection.TooLarge(limits.MaxBytes));
        }

        Span<byte> head = stackalloc byte[8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = position;

        if (head.StartsWith("PK\x03\x04"u8))
        {
            var refused = InspectWorkbook(content, limits);
            content.Position = position;
            return refused is null ? (BatchFileFormat.Xlsx, null) : (null, refused);
        }

        foreach (var signature in OtherFormats)
        {
            if (head.StartsWith(signature))
            {
                return (null, BatchFileRejection.NotASpreadsheet);
            }
        }

        if (DeclaredAsWorkbook(fileName, contentType))
        {
            // Named .xlsx but not a ZIP: a renamed text file or a damaged download, not a workbook.
            return (null, BatchFileRejection.NotASpreadsheet);
        }

        return (BatchFileFormat.Csv, null);
    }

    private static bool DeclaredAsWorkbook(string? fileName, string? contentType)
    {
        var extension = Path.GetExtension(fileName ?? string.Empty);
        // Not application/vnd.ms-excel: Windows sends it for .csv files whenever Excel is installed.
        return extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".xls", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".xlsm", StringComparison.OrdinalIgnoreCase)
            || (contentType?.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase) ?? false);
    }

    /// <summary>
    /// A ZIP is a workbook when it has a workbook part and its parts unpack to a sane size. The declared sizes are
    /// enough: .NET stops unpacking an entry at the size its header declares.
    /// </summary>
    private static BatchFileRejection? InspectWorkbook(Stream content, BatchFileLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxZipEntries)
            {
                return BatchFileRejection.NotASpreadsheet;
            }

            long unpacked = 0;
            var workbook = false;
            foreach (var entry in zip.Entries)
            {
                unpacked += entry.Length;
                workbook |= entry.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase);
            }

            return workbook && unpacked <= limits.MaxUnpackedBytes ? null : BatchFileRejection.NotASpreadsheet;
        }
        catch (InvalidDataException)
        {
            return BatchFileRejection.NotASpreadsheet;
        }
    }
}
