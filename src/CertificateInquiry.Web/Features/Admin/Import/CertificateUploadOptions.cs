namespace CertificateInquiry.Web.Features.Admin.Import;

/// <summary>Settings of the browser import (section <c>Import</c>).</summary>
public sealed class CertificateUploadOptions
{
    public const string Section = "Import";

    /// <summary>
    /// The largest CSV file the page accepts (100 MB: about 400,000 rows). Bigger files go through the
    /// <c>import-certificates</c> command, which reads them from the server's disk.
    /// </summary>
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>How many errors the report lists; the rest are counted.</summary>
    public int ErrorsShown { get; set; } = 100;
}
