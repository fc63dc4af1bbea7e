using SkiaSharp;

namespace CertificateInquiry.Web.Infrastructure.Pdf;

/// <summary>
/// The colours of the portal's documents (the verification report, the receipt, the answer letter), the same as the
/// pages': ink and muted text, the organization's blue, table rules and label cells, and the three standings.
/// </summary>
public static class PdfPalette
{
    public static readonly SKColor Ink = new(0x21, 0x25, 0x29);
    public static readonly SKColor Muted = new(0x5C, 0x63, 0x6A);
    public static readonly SKColor Brand = new(0x0B, 0x4F, 0x8A);
    public static readonly SKColor Rule = new(0xCE, 0xD4, 0xDA);
    public static readonly SKColor LabelFill = new(0xF1, 0xF4, 0xF7);

    /// <summary>The tinted box behind a code the reader must keep (the receipt's tracking code).</summary>
    public static readonly SKColor CodeFill = new(0xE8, 0xF1, 0xF8);

    /// <summary>A certificate that can be relied on: green.</summary>
    public static readonly PdfTint Valid = new(new SKColor(0x14, 0x6C, 0x43), new SKColor(0xE3, 0xF4, 0xEA));

    /// <summary>A revoked certificate: red.</summary>
    public static readonly PdfTint Revoked = new(new SKColor(0xB0, 0x2A, 0x37), new SKColor(0xFB, 0xE7, 0xE9));

    /// <summary>A licence past its expiry date: amber.</summary>
    public static readonly PdfTint Expired = new(new SKColor(0x8A, 0x5A, 0x00), new SKColor(0xFF, 0xF4, 0xD6));
}

/// <summary>Text in <paramref name="Ink"/> on a box of <paramref name="Fill"/>, as a status is shown.</summary>
public readonly record struct PdfTint(SKColor Ink, SKColor Fill);
