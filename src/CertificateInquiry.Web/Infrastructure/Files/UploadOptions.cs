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

    /// <summary>
    /// Where the files are kept, relative to the content root; empty means <c>documents</c> inside
    /// <c>Database:DataFolder</c>. Never under wwwroot. Behind several servers it must be storage they all share.
    /// </summary>
    public string? Folder { get; set; }
}
