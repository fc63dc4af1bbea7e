using Microsoft.Extensions.FileProviders;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace CertificateInquiry.Web.Infrastructure.Pdf;

public enum PdfFontWeight
{
    Regular,
    Bold,
}

/// <summary>
/// The Vazirmatn faces that PDF documents embed, loaded once from the portal's own copy under
/// <c>wwwroot/lib/vazirmatn/fonts/ttf</c> (the SkiaSharp build here reads no system fonts). A singleton: typefaces
/// and HarfBuzz fonts are immutable and safe to share between requests.
/// </summary>
public sealed class PdfFonts : IDisposable
{
    /// <summary>The folder under the web root that holds the TTF files.</summary>
    public const string WebRootFolder = "lib/vazirmatn/fonts/ttf";

    private const string RegularFile = "Vazirmatn-Regular.ttf";
    private const string BoldFile = "Vazirmatn-Bold.ttf";

    private PdfFonts(PdfFont regular, PdfFont bold)
    {
        Regular = regular;
        Bold = bold;
    }

    public PdfFont Regular { get; }

    public PdfFont Bold { get; }

    public PdfFont this[PdfFontWeight weight] => weight == PdfFontWeight.Bold ? Bold : Regular;

    /// <summary>Loads the fonts from the web root, e.g. <c>IWebHostEnvironment.WebRootFileProvider</c>.</summary>
    public static PdfFonts FromWebRoot(IFileProvider webRoot)
    {
        ArgumentNullException.ThrowIfNull(webRoot);
        return new PdfFonts(
            new PdfFont(Read(webRoot, RegularFile), RegularFile),
            new PdfFont(Read(webRoot, BoldFile), BoldFile));
    }

    /// <summary>Loads the fonts from a web root folder on disk (the folder that holds <c>lib/</c>).</summary>
    public static PdfFonts FromWebRootPath(string webRootPath)
    {
        using var provider = new PhysicalFileProvider(Path.GetFullPath(webRootPath));
        return FromWebRoot(provider);
    }

    public void Dispose()
    {
        Regular.Dispose();
        Bold.Dispose();
    }

    private static byte[] Read(IFileProvider webRoot, string fileName)
    {
        var path = WebRootFolder + "/" + fileName;
        var file = webRoot.GetFileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"The PDF font '{path}' is not in the web root.", path);
        }

        using var stream = file.CreateReadStream();
        using var copy = new MemoryStream(checked((int)file.Length));
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>
/// One face, cut down to the characters Persian documents use (<see cref="FontSubsetter"/>): the Skia typeface that
/// is drawn and embedded, and the HarfBuzz font that shapes text for it.
/// </summary>
public sealed class PdfFont : IDisposable
{
    internal PdfFont(byte[] fontFile, string name)
    {
        using var data = SKData.CreateCopy(FontSubsetter.Subset(fontFile));
        Typeface = SKTypeface.FromData(data) ?? throw new InvalidDataException($"'{name}' is not a font Skia can read.");
        Shaper = new SKShaper(Typeface);
        Name = name;
    }

    public string Name { get; }

    internal SKTypeface Typeface { get; }

    // Only SKShaper.Shape(Buffer, …) is used: it touches nothing but the immutable HarfBuzz font, so one shaper
    // serves every thread.
    internal SKShaper Shaper { get; }

    public void Dispose()
    {
        Shaper.Dispose();
        Typeface.Dispose();
    }
}
