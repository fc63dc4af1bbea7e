using SkiaSharp;

namespace CertificateInquiry.Web.Infrastructure.Pdf;

/// <summary>The printable area of an A4 page inside equal margins on every side.</summary>
public readonly record struct PdfFrame(float Margin)
{
    public float Right => PdfDocumentWriter.A4Width - Margin;

    public float Width => PdfDocumentWriter.A4Width - (2 * Margin);

    public float Bottom => PdfDocumentWriter.A4Height - Margin;
}

/// <summary>
/// Where a letterhead's two columns sit: the organization takes <see cref="BrandShare"/> of the width on the right, the
/// document's own lines (number, date, …) the rest on the left after <see cref="Gap"/>, starting
/// <see cref="MetaOffset"/> below the first line of the organization and aligned by <see cref="MetaAlign"/>.
/// </summary>
public sealed record PdfLetterheadColumns(float BrandShare, float Gap, float MetaOffset, PdfTextAlign MetaAlign)
{
    /// <summary>Reports and receipts: a wider document column, its lines set against the left margin.</summary>
    public static readonly PdfLetterheadColumns Report = new(0.58f, 12, 4, PdfTextAlign.End);
}

/// <summary>
/// The head of every document the portal issues: the ministry and the organization (and, on a letter, the province's
/// general directorate) on the right, the document's number and date on the left, and a rule in the organization's
/// blue under both. Laid out first, so a document knows where its body starts before it draws a page.
/// </summary>
public sealed class PdfLetterhead
{
    public const string OrganizationName = "سازمان آموزش فنی و حرفه‌ای کشور";
    public const string MinistryName = "وزارت تعاون، کار و رفاه اجتماعی";

    private const float ReportTop = 36;
    private static readonly PdfTextStyle ReportSmall = new(8.5f) { Color = PdfPalette.Muted };
    private static readonly PdfTextStyle ReportOrganization = new(14, PdfFontWeight.Bold) { Color = PdfPalette.Brand };

    private readonly PdfFrame _frame;
    private readonly PdfLetterheadColumns _columns;
    private readonly IReadOnlyList<PdfTextBlock> _brand;
    private readonly IReadOnlyList<PdfTextBlock> _meta;
    private readonly float _top;

    private PdfLetterhead(PdfFrame frame, PdfLetterheadColumns columns, IReadOnlyList<PdfTextBlock> brand, IReadOnlyList<PdfTextBlock> meta, float top)
    {
        _frame = frame;
        _columns = columns;
        _brand = brand;
        _meta = meta;
        _top = top;
        var brandBottom = top;
        foreach (var block in brand)
        {
            brandBottom += block.Height;
        }

        var metaBottom = top + columns.MetaOffset;
        foreach (var block in meta)
        {
            metaBottom += block.Height;
        }

        Bottom = Math.Max(brandBottom, metaBottom) + 8;
    }

    /// <summary>Where the rule under the letterhead is drawn; the document's body starts below it.</summary>
    public float Bottom { get; }

    /// <summary>
    /// Lays out a letterhead across <paramref name="frame"/> whose first line's top is at <paramref name="top"/>: the
    /// organization's lines (<paramref name="brand"/>) on the right and the document's own lines
    /// (<paramref name="meta"/>) on the left, each top to bottom, in <paramref name="columns"/>, set in
    /// <paramref name="fonts"/>.
    /// </summary>
    public static PdfLetterhead Layout(
        PdfFonts fonts,
        PdfFrame frame,
        PdfLetterheadColumns columns,
        float top,
        IEnumerable<(string Text, PdfTextStyle Style)> brand,
        IEnumerable<(string Text, PdfTextStyle Style)> meta)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var brandWidth = BrandWidth(frame, columns);
        var metaWidth = MetaWidth(frame, columns);
        return new PdfLetterhead(
            frame,
            columns,
            brand.Select(line => PdfTextBlock.Create(fonts, line.Text, brandWidth, line.Style)).ToList(),
            meta.Select(line => PdfTextBlock.Create(fonts, line.Text, metaWidth, line.Style)).ToList(),
            top);
    }

    /// <summary>The letterhead of a report or receipt: the ministry and the organization, and the document's lines.</summary>
    public static PdfLetterhead ForReport(PdfFonts fonts, PdfFrame frame, params string[] meta) => Layout(
        fonts,
        frame,
        PdfLetterheadColumns.Report,
        ReportTop,
        [(MinistryName, ReportSmall), (OrganizationName, ReportOrganization)],
        meta.Select(line => (line, ReportSmall.WithColor(PdfPalette.Ink))));

    public void Draw(PdfPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var brandWidth = BrandWidth(_frame, _columns);
        var y = _top;
        foreach (var block in _brand)
        {
            y += page.DrawBlock(block, _frame.Right - brandWidth, y, brandWidth);
        }

        var metaWidth = MetaWidth(_frame, _columns);
        var metaY = _top + _columns.MetaOffset;
        foreach (var block in _meta)
        {
            metaY += page.DrawBlock(block, _frame.Margin, metaY, metaWidth, _columns.MetaAlign);
        }

        using var paint = new SKPaint { Color = PdfPalette.Brand, StrokeWidth = 1.5f, IsAntialias = true };
        page.Canvas.DrawLine(_frame.Margin, Bottom, _frame.Right, Bottom, paint);
    }

    private static float BrandWidth(PdfFrame frame, PdfLetterheadColumns columns) => frame.Width * columns.BrandShare;

    private static float MetaWidth(PdfFrame frame, PdfLetterheadColumns columns) => frame.Width - BrandWidth(frame, columns) - columns.Gap;
}
