using System.Security.Cryptography;
using System.Text;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Files;
using Microsoft.Extensions.Logging.Abstractions;

namespace CertificateInquiry.UnitTests.Files;

public sealed class DocumentStoreTests : IDisposable
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n");
    private static readonly byte[] Jpeg = JpegOf(1, 1);
    private static readonly byte[] Png = PngOf(1, 1);
    private static readonly byte[] Executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

    private readonly string folder = Directory.CreateTempSubdirectory("ci-documents-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private DocumentStore Store(long maxFile = 5 * UploadOptions.Megabyte, long maxRequest = 25 * UploadOptions.Megabyte) =>
        new(folder, new UploadOptions { MaxFileBytes = maxFile, MaxRequestBytes = maxRequest }, NullLogger<DocumentStore>.Instance);

    private static Task<DocumentUpload> SaveAsync(DocumentStore store, string? name, byte[] content, long alreadyStored = 0) =>
        store.SaveAsync(name, new MemoryStream(content), alreadyStored, CancellationToken.None);

    /// <summary>Every file in the store, temporary ones included: a refusal must leave none.</summary>
    private string[] FilesOnDisk() => Directory.GetFiles(folder, "*", SearchOption.AllDirectories);

    private static string Isolated(string name) => "\u2068" + name + "\u2069";

    /// <summary>The start of a PNG: signature and IHDR chunk declaring <paramref name="width"/>×<paramref name="height"/> (CRC not checked).</summary>
    internal static byte[] PngOf(uint width, uint height) =>
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        .. BigEndian(width), .. BigEndian(height), 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53, 0xDE,
    ];

    /// <summary>A JPEG: SOI, a JFIF APP0 segment, an EXIF-like APP1 segment, then a baseline SOF0 frame header.</summary>
    internal static byte[] JpegOf(ushort width, ushort height) =>
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0xFF, 0xE1, 0x00, 0x08, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00,
        0xFF, 0xC0, 0x00, 0x0B, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 0x01, 0x01, 0x11, 0x00,
        0xFF, 0xD9,
    ];

    private static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    [Theory]
    [InlineData("bomb.png", 100_000u, 100_000u)]
    [InlineData("wide.png", 10_001u, 1u)]
    [InlineData("many.png", 8_000u, 5_001u)] // 40 megapixels and a bit
    [InlineData("bomb.jpg", 60_000u, 60_000u)]
    [InlineData("tall.jpg", 1u, 10_001u)]
    public async Task An_image_declaring_more_pixels_than_a_browser_should_decode_is_refused_and_leaves_nothing(string name, uint width, uint height)
    {
        var content = name.EndsWith("png", StringComparison.Ordinal) ? PngOf(width, height) : JpegOf((ushort)width, (ushort)height);

        var upload = await SaveAsync(Store(), name, content);

        Assert.False(upload.IsStored);
        Assert.Contains("پیکسل", upload.Refusal, StringComparison.Ordinal);
        Assert.Contains(Isolated(name), upload.Refusal, StringComparison.Ordinal);
        Assert.Empty(FilesOnDisk());
    }

    [Theory]
    [InlineData("edge.png", 10_000u, 4_000u)]
    [InlineData("edge.jpg", 4_000u, 10_000u)]
    public async Task An_image_at_the_pixel_limits_is_accepted(string name, uint width, uint height)
    {
        var content = name.EndsWith("png", StringComparison.Ordinal) ? PngOf(width, height) : JpegOf((ushort)width, (ushort)height);

        var upload = await SaveAsync(Store(), name, content);

        Assert.True(upload.IsStored, upload.Refusal);
    }

    [Theory]
    [InlineData("cut.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52 })]
    [InlineData("noframe.jpg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9 })]
    [InlineData("zero.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0, 0, 0, 0 })]
    public async Task An_image_whose_size_cannot_be_read_is_refused(string name, byte[] content)
    {
        var upload = await SaveAsync(Store(), name, content);

        Assert.False(upload.IsStored);
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task A_pdf_is_stored_under_a_generated_name_with_its_hash_and_can_be_read_back()
    {
        var store = Store();

        var upload = await SaveAsync(store, "کارت ملی.pdf", Pdf);

        Assert.True(upload.IsStored, upload.Refusal);
        var document = upload.Document!;
        Assert.Matches("^[0-9a-f]{32}\\.pdf$", document.StoredName);
        Assert.Equal("application/pdf", document.ContentType);
        Assert.Equal(Pdf.Length, document.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), document.Sha256);
        Assert.Equal("کارت ملی.pdf", document.DisplayName);
        Assert.DoesNotContain("کارت", Assert.Single(FilesOnDisk()), StringComparison.Ordinal);

        await using var read = store.OpenRead(document.StoredName)!;
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(Pdf, copy.ToArray());
    }

    [Theory]
    [InlineData("photo.jpg", "image/jpeg", ".jpg")]
    [InlineData("PHOTO.JPEG", "image/jpeg", ".jpg")]
    [InlineData("scan.png", "image/png", ".png")]
    public async Task Jpeg_and_png_are_stored_with_the_type_of_their_signature(string name, string contentType, string extension)
    {
        var upload = await SaveAsync(Store(), name, name.EndsWith("png", StringComparison.Ordinal) ? Png : Jpeg);

        Assert.True(upload.IsStored, upload.Refusal);
        Assert.Equal(contentType, upload.Document!.ContentType);
        Assert.EndsWith(extension, upload.Document.StoredName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_with_dots_in_the_stem_is_fine()
    {
        var upload = await SaveAsync(Store(), "scan.1402.05.pdf", Pdf);

        Assert.True(upload.IsStored, upload.Refusal);
    }

    [Fact]
    public async Task An_executable_renamed_to_pdf_is_refused()
    {
        var upload = await SaveAsync(Store(), "invoice.pdf", Executable);

        Assert.False(upload.IsStored);
        Assert.Equal($"محتوای فایل «{Isolated("invoice.pdf")}» PDF نیست؛ فقط فایل‌های واقعی PDF، JPEG یا PNG پذیرفته می‌شوند.", upload.Refusal);
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task A_png_named_jpg_is_refused_because_extension_and_content_must_agree()
    {
        var upload = await SaveAsync(Store(), "photo.jpg", Png);

        Assert.Contains("JPEG نیست", upload.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_shorter_than_any_signature_is_refused()
    {
        var upload = await SaveAsync(Store(), "a.pdf", "%P"u8.ToArray());

        Assert.Contains("PDF نیست", upload.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var upload = await SaveAsync(Store(), "empty.pdf", []);

        Assert.Equal($"فایل «{Isolated("empty.pdf")}» خالی است.", upload.Refusal);
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task An_empty_stream_that_does_not_know_its_length_is_refused_too()
    {
        var upload = await Store().SaveAsync("empty.png", new UnknownLengthStream([]), 0, CancellationToken.None);

        Assert.Equal($"فایل «{Isolated("empty.png")}» خالی است.", upload.Refusal);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_with_the_limit_in_persian()
    {
        var upload = await SaveAsync(Store(), "big.pdf", PdfOfLength((5 * UploadOptions.Megabyte) + 1));

        Assert.Equal($"حجم فایل «{Isolated("big.pdf")}» بیش از ۵ مگابایت است.", upload.Refusal);
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task A_file_exactly_at_the_limit_is_accepted()
    {
        var upload = await SaveAsync(Store(maxFile: 100_000), "edge.pdf", PdfOfLength(100_000));

        Assert.True(upload.IsStored, upload.Refusal);
        Assert.Equal(100_000, upload.Document!.Length);
    }

    [Fact]
    public async Task An_oversize_stream_that_hides_its_length_is_stopped_while_copying_and_leaves_nothing()
    {
        var upload = await Store(maxFile: UploadOptions.Megabyte).SaveAsync(
            "big.pdf", new UnknownLengthStream(PdfOfLength(3 * UploadOptions.Megabyte)), 0, CancellationToken.None);

        Assert.Equal($"حجم فایل «{Isolated("big.pdf")}» بیش از ۱ مگابایت است.", upload.Refusal);
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task A_file_that_takes_the_request_over_its_limit_is_refused()
    {
        var store = Store(maxFile: 5 * UploadOptions.Megabyte, maxRequest: 25 * UploadOptions.Megabyte);

        var upload = await SaveAsync(store, "last.pdf", PdfOfLength(2 * UploadOptions.Megabyte), alreadyStored: 24 * UploadOptions.Megabyte);

        Assert.Equal($"با فایل «{Isolated("last.pdf")}» حجم مدارک این درخواست از ۲۵ مگابایت بیشتر می‌شود.", upload.Refusal);
        Assert.Empty(FilesOnDisk());
    }

    [Theory]
    [InlineData("x.pdf.exe")]
    [InlineData("x.exe")]
    [InlineData("x.docx")]
    [InlineData("x.pdf.")]
    [InlineData("pdf")]
    [InlineData("x.svg")]
    public async Task A_name_whose_last_extension_is_not_pdf_jpeg_or_png_is_refused(string name)
    {
        var upload = await SaveAsync(Store(), name, Pdf);

        Assert.Equal($"نوع فایل «{Isolated(name)}» مجاز نیست؛ فقط PDF، JPEG یا PNG.", upload.Refusal);
        Assert.Empty(FilesOnDisk());
    }

    [Theory]
    [InlineData("x.php.pdf", "php")]
    [InlineData("x.exe.png", "exe")]
    [InlineData("report.ASPX.jpg", "ASPX")]
    [InlineData("a.html.pdf", "html")]
    public async Task A_dangerous_extension_before_the_last_one_is_refused(string name, string inner)
    {
        var upload = await SaveAsync(Store(), name, name.EndsWith("png", StringComparison.Ordinal) ? Png : name.EndsWith("jpg", StringComparison.Ordinal) ? Jpeg : Pdf);

        Assert.Equal($"نام فایل «{Isolated(name)}» پسوند نامجاز «{inner}» را در خود دارد؛ نام فایل را تغییر دهید و دوباره بفرستید.", upload.Refusal);
    }

    [Theory]
    [InlineData("../x.pdf")]
    [InlineData("..\\..\\x.pdf")]
    [InlineData("C:\\Users\\ali\\x.pdf")]
    [InlineData("/etc/passwd.pdf")]
    [InlineData("docs/x.pdf")]
    [InlineData("C:x.pdf")]
    [InlineData("..")]
    public async Task A_path_in_the_file_name_is_refused(string name)
    {
        var upload = await SaveAsync(Store(), name, Pdf);

        Assert.Equal($"نام فایل «{Isolated(name)}» نباید نشانی پوشه داشته باشد؛ فقط خود فایل را بفرستید.", upload.Refusal);
        Assert.Empty(FilesOnDisk());
    }

    [Theory]
    [InlineData("x\u0000.pdf", "x.pdf")]
    [InlineData("x\n.pdf", "x.pdf")]
    [InlineData("a\u007F.pdf", "a.pdf")]
    [InlineData("photo\u202Egnp.pdf", "photognp.pdf")] // right-to-left override: would read "photofdp.png"
    [InlineData("x\uFEFF.pdf", "x.pdf")]
    public async Task A_name_with_control_or_invisible_formatting_characters_is_refused(string name, string shown)
    {
        var upload = await SaveAsync(Store(), name, Pdf);

        Assert.Equal($"نام فایل «{Isolated(shown)}» نویسه‌های نامجاز دارد؛ نام فایل را تغییر دهید و دوباره بفرستید.", upload.Refusal);
    }

    [Fact]
    public async Task A_persian_name_with_a_zero_width_non_joiner_is_accepted()
    {
        var upload = await SaveAsync(Store(), "پایان\u200Cخدمت.jpg", Jpeg);

        Assert.True(upload.IsStored, upload.Refusal);
        Assert.Equal("پایان\u200Cخدمت.jpg", upload.Document!.DisplayName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_file_without_a_name_is_refused(string? name)
    {
        var upload = await SaveAsync(Store(), name, Pdf);

        Assert.Equal(DocumentFileName.NoName, upload.Refusal);
    }

    [Fact]
    public async Task A_long_name_is_kept_for_display_cut_to_the_column_with_its_extension()
    {
        var name = new string('ب', 300) + ".pdf";

        var upload = await SaveAsync(Store(), name, Pdf);

        Assert.Equal(DocumentFileName.MaxDisplayLength, upload.Document!.DisplayName.Length);
        Assert.EndsWith("….pdf", upload.Document.DisplayName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_that_breaks_off_midway_leaves_no_file_behind()
    {
        var store = Store();

        await Assert.ThrowsAsync<IOException>(() => store.SaveAsync("x.pdf", new BrokenStream(PdfOfLength(500_000), breakAfter: 200_000), 0, CancellationToken.None));

        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task A_cancelled_upload_leaves_no_file_behind()
    {
        var store = Store();
        using var cancellation = new CancellationTokenSource();
        var content = new BrokenStream(PdfOfLength(500_000), breakAfter: 200_000, onBreak: cancellation.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync("x.pdf", content, 0, cancellation.Token));

        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task Delete_removes_the_file_and_then_reports_it_gone()
    {
        var store = Store();
        var document = (await SaveAsync(store, "x.png", Png)).Document!;

        Assert.True(store.Delete(document.StoredName));
        Assert.False(store.Delete(document.StoredName));
        Assert.Null(store.OpenRead(document.StoredName));
        Assert.Empty(FilesOnDisk());
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("x.pdf")]
    [InlineData("0123456789abcdef0123456789abcdef.exe")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF.pdf")]
    public void Only_names_the_store_generated_can_be_opened_or_deleted(string storedName)
    {
        var store = Store();

        Assert.Throws<ArgumentException>(() => store.OpenRead(storedName));
        Assert.Throws<ArgumentException>(() => store.Delete(storedName));
    }

    [Fact]
    public void The_folder_defaults_to_documents_in_the_data_folder()
    {
        var resolved = DocumentStore.ResolveFolder(new UploadOptions(), new DatabaseOptions { DataFolder = "App_Data" }, "/srv/portal", "/srv/portal/wwwroot");

        Assert.Equal(Path.GetFullPath("/srv/portal/App_Data/documents"), resolved);
    }

    [Fact]
    public void A_folder_inside_the_web_root_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => DocumentStore.ResolveFolder(
            new UploadOptions { Folder = "wwwroot/uploads" }, new DatabaseOptions(), "/srv/portal", "/srv/portal/wwwroot"));
    }

    [Theory]
    [InlineData(5 * 1024 * 1024, "۵ مگابایت")]
    [InlineData(25 * 1024 * 1024, "۲۵ مگابایت")]
    [InlineData((5 * 1024 * 1024) / 2, "۲٫۵ مگابایت")]
    [InlineData(512 * 1024, "۵۱۲ کیلوبایت")]
    [InlineData(900, "۹۰۰ بایت")]
    public void Sizes_read_in_persian(long bytes, string expected) => Assert.Equal(expected, DocumentStore.FormatSize(bytes));

    private static byte[] PdfOfLength(long length)
    {
        var content = new byte[length];
        Pdf.CopyTo(content, 0);
        return content;
    }

    /// <summary>A stream that cannot seek, as a network body whose length is not announced.</summary>
    private sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }

    /// <summary>A non-seekable stream that fails (or cancels its reader) after some bytes, as a dropped connection.</summary>
    private sealed class BrokenStream(byte[] content, int breakAfter, Action? onBreak = null) : MemoryStream(content)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position >= breakAfter)
            {
                if (onBreak is null)
                {
                    throw new IOException("The client went away.");
                }

                onBreak();
                cancellationToken.ThrowIfCancellationRequested();
            }

            return await base.ReadAsync(buffer, cancellationToken);
        }
    }
}
