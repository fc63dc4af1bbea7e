using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Infrastructure.Files;

/// <summary>What a <c>RequestDocument</c> records about a stored file.</summary>
/// <param name="StoredName">Generated name in the store (e.g. <c>3f…9a.pdf</c>); never from the applicant's input.</param>
/// <param name="ContentType">From the content's signature, not from the browser.</param>
/// <param name="Length">In bytes, as counted while writing.</param>
/// <param name="Sha256">Hex, lower case, computed while the file was written.</param>
/// <param name="DisplayName">The applicant's file name, cleaned, for display only.</param>
public sealed record StoredDocument(string StoredName, string ContentType, long Length, string Sha256, string DisplayName);

/// <summary>The outcome of <see cref="DocumentStore.SaveAsync(string?, Stream, long, CancellationToken)"/>: a stored file or a Persian reason.</summary>
public sealed class DocumentUpload
{
    private DocumentUpload(StoredDocument? document, string? refusal)
    {
        Document = document;
        Refusal = refusal;
    }

    public StoredDocument? Document { get; }

    /// <summary>Why the file was refused, in Persian, naming the file; shown beside the form field.</summary>
    public string? Refusal { get; }

    public bool IsStored => Document is not null;

    internal static DocumentUpload Stored(StoredDocument document) => new(document, null);

    internal static DocumentUpload Refused(string refusal) => new(null, refusal);
}

/// <summary>
/// Checks and keeps the files applicants upload. A file is accepted only when its name passes
/// <see cref="DocumentFileName"/>, it is not empty, it fits the per-file and per-request limits, and its first bytes
/// are the signature of the type its extension names (PDF <c>%PDF-</c>, JPEG <c>FF D8 FF</c>, PNG
/// <c>89 50 4E 47 0D 0A 1A 0A</c>), and an image declares a pixel size a browser can decode (<see cref="ImageDimensions"/>,
/// at most <see cref="UploadOptions.MaxImageSide"/> a side and <see cref="UploadOptions.MaxImagePixels"/>). Files live outside the web root under random names, written to a temporary file
/// (hashed on the way) and moved into place only when complete, so a failure never leaves half a file behind.
/// They are read back only through <see cref="OpenRead"/>, for an action that checked who is asking.
/// </summary>
public sealed partial class DocumentStore
{
    private const string IncomingFolderName = "incoming";
    private const int BufferSize = 81920;

    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly CompositeFormat Empty = CompositeFormat.Parse("فایل «{0}» خالی است.");
    private static readonly CompositeFormat TooLarge = CompositeFormat.Parse("حجم فایل «{0}» بیش از {1} است.");
    private static readonly CompositeFormat RequestTooLarge = CompositeFormat.Parse("با فایل «{0}» حجم مدارک این درخواست از {1} بیشتر می‌شود.");
    private static readonly CompositeFormat TooManyPixels = CompositeFormat.Parse(
        "تصویر «{0}» {1} در {2} پیکسل است؛ تصویری بزرگ‌تر از {3} پیکسل در هر ضلع یا {4} میلیون پیکسل پذیرفته نمی‌شود. آن را کوچک‌تر اسکن یا ذخیره کنید.");
    private static readonly CompositeFormat SizeUnreadable = CompositeFormat.Parse(
        "اندازه تصویر «{0}» خوانده نشد؛ فایل ناقص یا خراب است. آن را دوباره ذخیره کنید و بفرستید.");
    private static readonly CompositeFormat NotWhatItSays = CompositeFormat.Parse(
        "محتوای فایل «{0}» {1} نیست؛ فقط فایل‌های واقعی PDF، JPEG یا PNG پذیرفته می‌شوند.");

    private readonly string folder;
    private readonly string incomingFolder;
    private readonly ILogger<DocumentStore> logger;
    private readonly TimeProvider clock;

    public DocumentStore(string folder, UploadOptions options, ILogger<DocumentStore> logger, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxFileBytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRequestBytes, options.MaxFileBytes);
        this.folder = Path.GetFullPath(folder);
        incomingFolder = Path.Combine(this.folder, IncomingFolderName);
        Limits = options;
        this.logger = logger;
        this.clock = clock ?? TimeProvider.System;
        Directory.CreateDirectory(incomingFolder);
        RemoveAbandonedTemporaryFiles();
    }

    /// <summary>The limits in force, for hints on the form.</summary>
    public UploadOptions Limits { get; }

    /// <summary>The absolute folder the files are kept in.</summary>
    public string Folder => folder;

    /// <summary>
    /// The configured folder (<c>Uploads:Folder</c>), or <c>documents</c> inside the data folder, made absolute from
    /// the content root. Refuses a folder inside the web root, where the files would be served to anyone.
    /// </summary>
    public static string ResolveFolder(UploadOptions uploads, DatabaseOptions database, string contentRoot, string? webRoot)
    {
        var configured = string.IsNullOrWhiteSpace(uploads.Folder)
            ? Path.Combine(database.DataFolder, "documents")
            : uploads.Folder;
        var resolved = Path.GetFullPath(Path.Combine(contentRoot, configured));
        if (!string.IsNullOrEmpty(webRoot))
        {
            var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(webRoot)) + Path.DirectorySeparatorChar;
            if ((resolved + Path.DirectorySeparatorChar).StartsWith(root, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("Uploads:Folder must not be inside the web root: the documents would be public.");
            }
        }

        return resolved;
    }

    /// <summary>Checks and stores an uploaded form file; see <see cref="SaveAsync(string?, Stream, long, CancellationToken)"/>.</summary>
    public async Task<DocumentUpload> SaveAsync(IFormFile file, long bytesAlreadyStoredForRequest, CancellationToken cancellationToken)
    {
        await using var content = file.OpenReadStream();
        return await SaveAsync(file.FileName, content, bytesAlreadyStoredForRequest, cancellationToken);
    }

    /// <summary>
    /// Checks a file and stores it under a generated name. <paramref name="bytesAlreadyStoredForRequest"/> is what the
    /// request's documents already weigh (the caller sums them), for the per-request limit. A refusal stores nothing;
    /// an exception (a broken upload, cancellation) leaves nothing behind either.
    /// </summary>
    public async Task<DocumentUpload> SaveAsync(string? fileName, Stream content, long bytesAlreadyStoredForRequest, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytesAlreadyStoredForRequest);
        if (!DocumentFileName.TryAccept(fileName, out var expectedType, out var displayName, out var nameRefusal))
        {
            return DocumentUpload.Refused(nameRefusal);
        }

        var shown = DocumentFileName.Shown(displayName);

        // Declared sizes (a form file knows its length) are checked before a byte is read; the count while copying
        // below is what holds for streams that do not know or lie.
        if (content.CanSeek && SizeRefusal(content.Length - content.Position, bytesAlreadyStoredForRequest, shown) is { } declaredRefusal)
        {
            return DocumentUpload.Refused(declaredRefusal);
        }

        var header = new byte[PngSignature.Length];
        var headerLength = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        if (headerLength == 0)
        {
            return DocumentUpload.Refused(Format(Empty, shown));
        }

        if (Detect(header.AsSpan(0, headerLength)) != expectedType)
        {
            return DocumentUpload.Refused(Format(NotWhatItSays, shown, TypeTitle(expectedType)));
        }

        var storedName = RandomNumberGenerator.GetHexString(32, lowercase: true) + Extension(expectedType);
        var temporaryPath = Path.Combine(incomingFolder, RandomNumberGenerator.GetHexString(32, lowercase: true) + ".part");
        var completed = false;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = headerLength;
            await using (var file = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous))
            {
                hash.AppendData(header, 0, headerLength);
                await file.WriteAsync(header.AsMemory(0, headerLength), cancellationToken);
                int read;
                while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
                {
                    length += read;
                    if (SizeRefusal(length, bytesAlreadyStoredForRequest, shown) is { } refusal)
                    {
                        return DocumentUpload.Refused(refusal);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            if (PixelRefusal(temporaryPath, expectedType, shown) is { } pixelRefusal)
            {
                return DocumentUpload.Refused(pixelRefusal);
            }

            var finalPath = PathOf(storedName);
            Directory.CreateDirectory(Path.GetDirectoryName(finalPath)!);
            File.Move(temporaryPath, finalPath);
            completed = true;
            logger.LogInformation("Document stored as {StoredName} ({Length} bytes, {ContentType})", storedName, length, ContentType(expectedType));
            return DocumentUpload.Stored(new StoredDocument(
                storedName, ContentType(expectedType), length, Convert.ToHexStringLower(hash.GetHashAndReset()), displayName));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (!completed)
            {
                TryDelete(temporaryPath);
            }
        }
    }

    /// <summary>
    /// An image must declare a size the staff's browsers can decode: read from its header (the file is already complete
    /// and at most the file limit long), refused when it cannot be read or is over <see cref="UploadOptions.MaxImageSide"/>
    /// a side or <see cref="UploadOptions.MaxImagePixels"/> in all.
    /// </summary>
    private string? PixelRefusal(string path, DocumentFileType type, string shown)
    {
        if (type == DocumentFileType.Pdf)
        {
            return null;
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        if (ImageDimensions.Read(file, type) is not var (width, height))
        {
            return Format(SizeUnreadable, shown);
        }

        if (width <= Limits.MaxImageSide && height <= Limits.MaxImageSide && width * height <= Limits.MaxImagePixels)
        {
            return null;
        }

        logger.LogInformation("Image upload refused: it declares {Width}×{Height} pixels", width, height);
        return Format(TooManyPixels, shown, PersianText.ToPersianDigits(width), PersianText.ToPersianDigits(height),
            PersianText.ToPersianDigits(Limits.MaxImageSide), PersianText.ToPersianDigits(Limits.MaxImagePixels / 1_000_000));
    }

    /// <summary>The stored file for reading, or null if it is not there. Only for an action that has checked who is asking.</summary>
    public Stream? OpenRead(string storedName)
    {
        var path = PathOf(storedName);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Removes a stored file; false if it was not there.</summary>
    public bool Delete(string storedName)
    {
        var path = PathOf(storedName);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        logger.LogInformation("Document {StoredName} deleted", storedName);
        return true;
    }

    /// <summary>A size in Persian for messages and hints: «۵ مگابایت», «۲٫۵ مگابایت», «۵۱۲ کیلوبایت».</summary>
    public static string FormatSize(long bytes)
    {
        const long kilobyte = 1024;
        if (bytes >= UploadOptions.Megabyte)
        {
            var megabytes = bytes % UploadOptions.Megabyte == 0
                ? (bytes / UploadOptions.Megabyte).ToString(CultureInfo.InvariantCulture)
                : ((double)bytes / UploadOptions.Megabyte).ToString("0.#", CultureInfo.InvariantCulture);
            return PersianText.ToPersianDigits(megabytes.Replace('.', '٫')) + " مگابایت";
        }

        return bytes >= kilobyte
            ? PersianText.ToPersianDigits((bytes / kilobyte).ToString(CultureInfo.InvariantCulture)) + " کیلوبایت"
            : PersianText.ToPersianDigits(bytes) + " بایت";
    }

    private string? SizeRefusal(long length, long bytesAlreadyStoredForRequest, string shown)
    {
        if (length == 0)
        {
            return Format(Empty, shown);
        }

        if (length > Limits.MaxFileBytes)
        {
            return Format(TooLarge, shown, FormatSize(Limits.MaxFileBytes));
        }

        return bytesAlreadyStoredForRequest + length > Limits.MaxRequestBytes
            ? Format(RequestTooLarge, shown, FormatSize(Limits.MaxRequestBytes))
            : null;
    }

    private static DocumentFileType? Detect(ReadOnlySpan<byte> header) =>
        header.StartsWith(PdfSignature) ? DocumentFileType.Pdf
        : header.StartsWith(PngSignature) ? DocumentFileType.Png
        : header.StartsWith(JpegSignature) ? DocumentFileType.Jpeg
        : null;

    public static string ContentType(DocumentFileType type) => type switch
    {
        DocumentFileType.Pdf => "application/pdf",
        DocumentFileType.Jpeg => "image/jpeg",
        _ => "image/png",
    };

    private static string Extension(DocumentFileType type) => type switch
    {
        DocumentFileType.Pdf => ".pdf",
        DocumentFileType.Jpeg => ".jpg",
        _ => ".png",
    };

    private static string TypeTitle(DocumentFileType type) => type switch
    {
        DocumentFileType.Pdf => "PDF",
        DocumentFileType.Jpeg => "JPEG",
        _ => "PNG",
    };

    /// <summary>
    /// Files are spread over 256 sub-folders by the first two characters of their name, so that no folder grows to
    /// hundreds of thousands of entries. Only names the store generates are accepted: nothing else can reach a path.
    /// </summary>
    private string PathOf(string storedName)
    {
        if (!StoredNamePattern().IsMatch(storedName))
        {
            throw new ArgumentException("Not a name this store generated.", nameof(storedName));
        }

        return Path.Combine(folder, storedName[..2], storedName);
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.(pdf|jpg|png)$", RegexOptions.CultureInvariant)]
    private static partial Regex StoredNamePattern();

    /// <summary>Temporary files older than a day belong to a process that died mid-upload (a fresh one may be another server's).</summary>
    private void RemoveAbandonedTemporaryFiles()
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        foreach (var path in Directory.EnumerateFiles(incomingFolder, "*.part"))
        {
            if (File.GetLastWriteTimeUtc(path) < cutoff)
            {
                TryDelete(path);
            }
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(exception, "A temporary upload could not be deleted");
        }
    }

    private static string Format(CompositeFormat format, params object[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, format, arguments);
}
