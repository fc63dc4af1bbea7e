using System.Globalization;
using System.Text;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Infrastructure.Files;

/// <summary>The three kinds of file the portal accepts.</summary>
public enum DocumentFileType
{
    Pdf,
    Jpeg,
    Png,
}

/// <summary>
/// The rules for the name an applicant's browser sends with a file. The name is never used to store the file
/// (the store generates one); it decides the expected type and is kept, cleaned, for display. A name is refused when:
/// <list type="number">
/// <item>it is empty;</item>
/// <item>it holds a control character (U+0000–U+001F, U+007F–U+009F) or an invisible formatting character other
/// than the zero-width non-joiner, joiner and the two direction marks that Persian names legitimately contain — a
/// right-to-left override (U+202E) makes <c>cod.exe</c> look like <c>exe.doc</c>;</item>
/// <item>it carries a path: <c>/</c>, <c>\</c> or <c>:</c> anywhere (<c>../x.pdf</c>, <c>C:\x.pdf</c>,
/// <c>/etc/x.pdf</c>), or is <c>.</c> or <c>..</c>;</item>
/// <item>its <b>last</b> extension is not <c>pdf</c>, <c>jpg</c>, <c>jpeg</c> or <c>png</c> (any case):
/// <c>x.pdf.exe</c> is an executable;</item>
/// <item>any earlier dot-separated part is an executable, script or markup extension (<c>x.php.pdf</c>,
/// <c>x.exe.png</c>): some servers and download tools act on the inner one, and people read it. Other inner parts
/// are fine (<c>scan.1402.05.pdf</c>).</item>
/// </list>
/// The content must then match the last extension (see <see cref="DocumentStore"/>).
/// </summary>
public static class DocumentFileName
{
    /// <summary>Longest name kept for display: the column's length.</summary>
    public const int MaxDisplayLength = DataLimits.FileName;

    private static readonly Dictionary<string, DocumentFileType> AllowedExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pdf"] = DocumentFileType.Pdf,
        ["jpg"] = DocumentFileType.Jpeg,
        ["jpeg"] = DocumentFileType.Jpeg,
        ["png"] = DocumentFileType.Png,
    };

    private static readonly HashSet<string> DangerousExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        // Windows executables and scripts
        "exe", "com", "bat", "cmd", "scr", "pif", "cpl", "msi", "msp", "dll", "sys", "lnk", "reg", "hta", "jar",
        "ps1", "psm1", "vbs", "vbe", "js", "jse", "wsf", "wsh",
        // Unix
        "sh", "bash", "run", "bin", "elf", "so",
        // server-side pages and scripts
        "php", "php3", "php4", "php5", "php7", "phtml", "phar", "asp", "aspx", "ashx", "asmx", "ascx", "axd",
        "cshtml", "vbhtml", "config", "jsp", "jspx", "cgi", "pl", "py", "rb", "shtml",
        // markup a browser would run
        "html", "htm", "xhtml", "svg", "xml",
    };

    private static readonly CompositeFormat ControlCharacters = CompositeFormat.Parse("نام فایل «{0}» نویسه‌های نامجاز دارد؛ نام فایل را تغییر دهید و دوباره بفرستید.");
    private static readonly CompositeFormat PathInName = CompositeFormat.Parse("نام فایل «{0}» نباید نشانی پوشه داشته باشد؛ فقط خود فایل را بفرستید.");
    private static readonly CompositeFormat TypeNotAllowed = CompositeFormat.Parse("نوع فایل «{0}» مجاز نیست؛ فقط PDF، JPEG یا PNG.");
    private static readonly CompositeFormat InnerExtension = CompositeFormat.Parse("نام فایل «{0}» پسوند نامجاز «{1}» را در خود دارد؛ نام فایل را تغییر دهید و دوباره بفرستید.");

    public const string NoName = "نام فایل خالی است؛ فایل را دوباره انتخاب کنید.";

    /// <summary>
    /// Checks a name by the rules above. On success gives the type its last extension names and the cleaned
    /// display name; otherwise the Persian reason.
    /// </summary>
    public static bool TryAccept(string? fileName, out DocumentFileType expectedType, out string displayName, out string refusal)
    {
        expectedType = default;
        displayName = string.Empty;
        refusal = string.Empty;

        var name = fileName?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            refusal = NoName;
            return false;
        }

        if (name.Any(IsForbiddenCharacter))
        {
            refusal = Format(ControlCharacters, Shown(name));
            return false;
        }

        if (name.AsSpan().IndexOfAny('/', '\\', ':') >= 0 || name is "." or "..")
        {
            refusal = Format(PathInName, Shown(name));
            return false;
        }

        var parts = name.Split('.');
        if (parts.Length < 2 || !AllowedExtensions.TryGetValue(parts[^1], out expectedType))
        {
            refusal = Format(TypeNotAllowed, Shown(name));
            return false;
        }

        var dangerous = parts[1..^1].FirstOrDefault(DangerousExtensions.Contains);
        if (dangerous is not null)
        {
            refusal = Format(InnerExtension, Shown(name), dangerous);
            return false;
        }

        displayName = ForDisplay(name, parts[^1]);
        return true;
    }

    /// <summary>A name inside a Persian sentence: without forbidden characters, shortened, and isolated so that a
    /// Latin name with punctuation keeps its order in right-to-left text.</summary>
    internal static string Shown(string name)
    {
        var visible = new string(name.Where(c => !IsForbiddenCharacter(c)).ToArray());
        if (visible.Length > 60)
        {
            visible = visible[..28] + "…" + visible[^28..];
        }

        return "\u2068" + visible + "\u2069";
    }

    private static string ForDisplay(string name, string extension)
    {
        var normalized = PersianText.Normalize(name);
        if (normalized.Length <= MaxDisplayLength)
        {
            return normalized;
        }

        // Keep the extension: it tells staff what they will open.
        var stemLength = MaxDisplayLength - extension.Length - 2;
        return normalized[..stemLength] + "…." + extension;
    }

    private static bool IsForbiddenCharacter(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Control => true,
        UnicodeCategory.Format => c is not ('\u200C' or '\u200D' or '\u200E' or '\u200F'),
        UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
        _ => false,
    };

    private static string Format(CompositeFormat format, params object[] arguments) =>
        string.Format(CultureInfo.InvariantCulture, format, arguments);
}
