using SkiaSharp;

namespace CertificateInquiry.Web.Infrastructure.Pdf;

/// <summary>
/// One row of a <see cref="PdfFieldTable"/>: a label and its value. Codes (numbers, addresses, file names) are set
/// <see cref="TextDirection.LeftToRight"/> and against the left edge; <paramref name="Color"/> tints the value.
/// </summary>
public sealed record PdfField(string Label, string Value, TextDirection Direction = TextDirection.RightToLeft, SKColor? Color = null);

/// <summary>A laid-out row, measured before it is drawn (a document checks that it still fits the page).</summary>
public sealed record PdfFieldRow(PdfTextBlock Label, PdfTextBlock Value, float Height);

/// <summary>
/// The label–value table of the reports and receipts: the label in a tinted cell on the right, the value on the left,
/// each row ruled, across the page's <paramref name="frame"/>.
/// </summary>
public sealed class PdfFieldTable(PdfFrame frame)
{
    public const float LabelWidth = 150;
    public const float CellPadding = 4.5f;

    /// <summary>How labels are set.</summary>
    public static readonly PdfTextStyle LabelStyle = new(10f, PdfFontWeight.Bold) { Color = PdfPalette.Ink, LineSpacing = 1.6f };

    /// <summary>How values are set; also the body text of the documents that hold a table.</summary>
    public static readonly PdfTextStyle ValueStyle = new(10.5f) { Color = PdfPalette.Ink, LineSpacing = 1.55f };

    private float Right => frame.Right;

    private float ValueWidth => frame.Width - LabelWidth - (2 * CellPadding);

    public PdfFieldRow Layout(PdfPage page, PdfField field)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(field);
        var label = page.Layout(field.Label, LabelWidth - (2 * CellPadding), LabelStyle);
        var value = page.Layout(field.Value, ValueWidth, field.Color is { } color ? ValueStyle.WithColor(color) : ValueStyle, field.Direction);
        return new PdfFieldRow(label, value, Math.Max(label.Height, value.Height) + (2 * CellPadding));
    }

    /// <summary>Draws one row whose top is at <paramref name="top"/>; returns its height.</summary>
    public float Draw(PdfPage page, PdfFieldRow row, float top)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(row);
        using var fill = new SKPaint { Color = PdfPalette.LabelFill, IsAntialias = true };
        using var rule = new SKPaint { Color = PdfPalette.Rule, StrokeWidth = 0.75f, Style = SKPaintStyle.Stroke, IsAntialias = true };
        page.Canvas.DrawRect(SKRect.Create(Right - LabelWidth, top, LabelWidth, row.Height), fill);
        page.Canvas.DrawRect(SKRect.Create(frame.Margin, top, frame.Width, row.Height), rule);
        page.Canvas.DrawLine(Right - LabelWidth, top, Right - LabelWidth, top + row.Height, rule);

        page.DrawBlock(row.Label, Right - LabelWidth + CellPadding, top + CellPadding, LabelWidth - (2 * CellPadding));
        var valueAlign = row.Value.Direction == TextDirection.LeftToRight ? PdfTextAlign.End : PdfTextAlign.Start;
        page.DrawBlock(row.Value, frame.Margin + CellPadding, top + CellPadding, ValueWidth, valueAlign);
        return row.Height;
    }

    /// <summary>Lays out and draws the rows one under another from <paramref name="top"/>; returns the table's bottom.</summary>
    public float Draw(PdfPage page, IEnumerable<PdfField> fields, float top)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var y = top;
        foreach (var field in fields)
        {
            y += Draw(page, Layout(page, field), y);
        }

        return y;
    }
}
