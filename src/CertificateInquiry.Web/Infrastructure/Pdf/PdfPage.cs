using System.Globalization;
using QRCoder;
using SkiaSharp;

namespace CertificateInquiry.Web.Infrastructure.Pdf;

/// <summary>
/// One page being drawn, in points from the top left corner. Text goes through bidi, shaping and wrapping here;
/// rules, boxes and anything else are drawn on <see cref="Canvas"/>.
/// </summary>
public sealed class PdfPage
{
    private readonly PdfFonts _fonts;

    internal PdfPage(SKCanvas canvas, PdfFonts fonts, float width, float height)
    {
        Canvas = canvas;
        _fonts = fonts;
        Width = width;
        Height = height;
    }

    public SKCanvas Canvas { get; }

    public float Width { get; }

    public float Height { get; }

    /// <summary>Breaks text into shaped lines that fit <paramref name="width"/>, to measure before drawing.</summary>
    public PdfTextBlock Layout(string text, float width, PdfTextStyle style, TextDirection direction = TextDirection.RightToLeft) =>
        PdfTextBlock.Create(_fonts, text, width, style, direction);

    /// <summary>
    /// Draws text into a box <paramref name="width"/> wide whose top is at <paramref name="top"/>: lines break at the
    /// text's own line breaks and, where too long, between words. Returns the height taken.
    /// </summary>
    public float DrawText(
        string text,
        float left,
        float top,
        float width,
        PdfTextStyle style,
        PdfTextAlign align = PdfTextAlign.Start,
        TextDirection direction = TextDirection.RightToLeft) =>
        DrawBlock(Layout(text, width, style, direction), left, top, width, align);

    /// <summary>Draws laid-out text into a box <paramref name="width"/> wide. Returns the height taken.</summary>
    public float DrawBlock(PdfTextBlock block, float left, float top, float width, PdfTextAlign align = PdfTextAlign.Start)
    {
        ArgumentNullException.ThrowIfNull(block);
        var style = block.Style;
        using var paint = new SKPaint { Color = style.Color, IsAntialias = true };
        var baseline = top + Baseline(style);
        foreach (var line in block.Lines)
        {
            var x = (align, block.Direction) switch
            {
                (PdfTextAlign.Center, _) => left + ((width - line.Width) / 2),
                (PdfTextAlign.Start, TextDirection.RightToLeft) or (PdfTextAlign.End, TextDirection.LeftToRight) =>
                    left + width - line.Width,
                _ => left,
            };
            line.Draw(Canvas, x, baseline, paint);
            baseline += style.LineHeight;
        }

        return block.Height;
    }

    /// <summary>
    /// Draws a QR code (error correction level M, with its quiet zone) filling a square of side
    /// <paramref name="size"/> whose top left corner is at (<paramref name="left"/>, <paramref name="top"/>).
    /// </summary>
    public void DrawQrCode(string payload, float left, float top, float size)
    {
        ArgumentException.ThrowIfNullOrEmpty(payload);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        using var qrCode = new PngByteQRCode(data);
        var png = qrCode.GetGraphic(8, drawQuietZones: true);
        using var image = SKImage.FromEncodedData(png)
            ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"QRCoder made a PNG of {png.Length} bytes that Skia cannot read."));
        using var paint = new SKPaint();
        Canvas.DrawImage(image, SKRect.Create(left, top, size, size), new SKSamplingOptions(SKFilterMode.Nearest), paint);
    }

    // The distance from the top of a line box to its baseline: the ascent, centred in the line height.
    private float Baseline(PdfTextStyle style)
    {
        using var font = new SKFont(_fonts[style.Weight].Typeface, style.Size);
        var metrics = font.Metrics;
        var glyphHeight = metrics.Descent - metrics.Ascent;
        return ((style.LineHeight - glyphHeight) / 2) - metrics.Ascent;
    }
}
