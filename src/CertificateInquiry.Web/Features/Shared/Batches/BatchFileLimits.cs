namespace CertificateInquiry.Web.Features.Shared.Batches;

/// <summary>What a batch file may hold before it is refused as a whole.</summary>
public sealed record BatchFileLimits
{
    public const long DefaultMaxBytes = 20L * 1024 * 1024;
    public const int DefaultMaxRows = 100_000;

    /// <summary>The limits: 20 MB, 100,000 data rows, and 128 MB unpacked for an XLSX.</summary>
    public static BatchFileLimits Default { get; } = new();

    /// <summary>The size of the file as uploaded.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>Data rows (the header and blank rows are not counted).</summary>
    public int MaxRows { get; init; } = DefaultMaxRows;

    /// <summary>
    /// The declared unpacked size of all the parts of an XLSX together: a workbook of 100,000 real rows unpacks to
    /// about 50 MB, a zip bomb to gigabytes.
    /// </summary>
    public long MaxUnpackedBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Parts of an XLSX; a workbook has a dozen.</summary>
    public int MaxZipEntries { get; init; } = 1000;
}
