namespace CertificateInquiry.Web.Infrastructure.Files;

/// <summary>The <c>Uploads</c> settings section: limits and the folder of uploaded documents.</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    public const long Megabyte = 1024 * 1024;

    /// <summary>The largest single file accepted.</summary>
    public long MaxFileBytes { get; set; } = 5 * Megabyte;

    /// <summary>The most all the documents of one request may weigh together.</summary>
    public long MaxRequestBytes { get; set; } = 25 * Megabyte;

    /// <summary>The longest side, in pixels, of an image accepted (a scan of an A4 page at 600 dpi is about 7000).</summary>
    public int MaxImageSide { get; set; } = 10_000;

    /// <summary>The most pixels an image may declare: 40 million decode to 160 MB in a browser.</summary>
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>
    /// Where the files are kept, relative to the content root; empty means <c>documents</c> inside
    /// <c>Database:DataFolder</c>. Never under wwwroot. Behind several servers it must be storage they all share.
    /// </summary>
    public string? Folder { get; set; }
}
