using SkiaSharp;

namespace CertificateInquiry.Web.Infrastructure.Pdf;

/// <summary>How a piece of text is set: size in points, weight, colour and line spacing.</summary>
public readonly record struct PdfTextStyle(float Size, PdfFontWeight Weight = PdfFontWeight.Regular)
{
    public SKColor Color { get; init; } = SKColors.Black;

    /// <summary>Distance between baselines of wrapped lines, as a multiple of <see cref="Size"/>.</summary>
    public float LineSpacing { get; init; } = 1.6f;

    public float LineHeight => Size * LineSpacing;

    public PdfTextStyle WithColor(SKColor color) => this with { Color = color };
}

/// <summary>Where lines sit in their box: <see cref="Start"/> is the right edge for right-to-left text.</summary>
public enum PdfTextAlign
{
    Start,
    End,
    Center,
}
