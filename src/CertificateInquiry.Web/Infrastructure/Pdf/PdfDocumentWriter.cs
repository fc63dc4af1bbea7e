using SkiaSharp;

namespace CertificateInquiry.Web.Infrastructure.Pdf;

/// <summary>What a PDF says about itself (File › Properties in a reader).</summary>
public sealed record PdfDocumentInfo(string Title, DateTime CreatedAtUtc)
{
    public string Author { get; init; } = PdfLetterhead.OrganizationName;

    public string Subject { get; init; } = string.Empty;

    public string Creator { get; init; } = "CertificateInquiry";
}

/// <summary>Writes PDF documents of A4 pages with SkiaSharp (ADR-003).</summary>
public static class PdfDocumentWriter
{
    /// <summary>A4 in points (1/72 inch).</summary>
    public const float A4Width = 595;

    public const float A4Height = 842;

    /// <summary>Writes one A4 page per drawing action and returns the PDF file.</summary>
    public static byte[] WriteA4(PdfFonts fonts, PdfDocumentInfo info, params Action<PdfPage>[] pages)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        ArgumentNullException.ThrowIfNull(info);
        ArgumentOutOfRangeException.ThrowIfZero(pages.Length);

        var created = DateTime.SpecifyKind(info.CreatedAtUtc, DateTimeKind.Utc);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = info.Title,
            Author = info.Author,
            Subject = info.Subject,
            Creator = info.Creator,
            Producer = "SkiaSharp",
            Creation = created,
            Modified = created,
            RasterDpi = SKDocument.DefaultRasterDpi,
            EncodingQuality = SKDocumentPdfMetadata.DefaultEncodingQuality,
        };

        using var output = new MemoryStream();
        using (var stream = new SKManagedWStream(output))
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            foreach (var draw in pages)
            {
                var canvas = document.BeginPage(A4Width, A4Height);
                draw(new PdfPage(canvas, fonts, A4Width, A4Height));
                document.EndPage();
            }

            document.Close();
        }

        return output.ToArray();
    }
}
