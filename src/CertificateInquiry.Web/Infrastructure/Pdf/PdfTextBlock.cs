using System.Globalization;
using System.Text;

namespace CertificateInquiry.Web.Infrastructure.Pdf;

/// <summary>
/// Text broken into lines that fit a width, each line already split into bidi runs and shaped: measure it (its
/// <see cref="Height"/>), then draw it with <see cref="PdfPage.DrawBlock"/>.
/// </summary>
public sealed class PdfTextBlock
{
    private PdfTextBlock(IReadOnlyList<ShapedLine> lines, PdfTextStyle style, TextDirection direction)
    {
        Lines = lines;
        Style = style;
        Direction = direction;
    }

    public PdfTextStyle Style { get; }

    public TextDirection Direction { get; }

    public int LineCount => Lines.Count;

    public float Height => Lines.Count * Style.LineHeight;

    /// <summary>The width of the widest line.</summary>
    public float Width => Lines.Count == 0 ? 0 : Lines.Max(line => line.Width);

    internal IReadOnlyList<ShapedLine> Lines { get; }

    /// <summary>
    /// <paramref name="count"/> of this block's lines from <paramref name="start"/>: a paragraph that does not fit
    /// the rest of a page is drawn in pieces, the lines already broken and shaped.
    /// </summary>
    public PdfTextBlock Slice(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, Lines.Count);
        return new PdfTextBlock(Lines.Skip(start).Take(count).ToList(), Style, Direction);
    }

    /// <summary>
    /// Breaks text into lines: at its own line breaks, then greedily between words (at spaces) where a line would
    /// be wider than <paramref name="maxWidth"/>. A single word wider than that (a long URL) is broken between
    /// characters. Lines are measured shaped, with their bidi runs.
    /// </summary>
    public static PdfTextBlock Create(PdfFonts fonts, string text, float maxWidth, PdfTextStyle style, TextDirection direction = TextDirection.RightToLeft)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        ArgumentNullException.ThrowIfNull(text);
        var face = fonts[style.Weight];
        var lines = new List<ShapedLine>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            BreakParagraph(paragraph.Trim(' '), lines);
        }

        return new PdfTextBlock(lines, style, direction);

        ShapedLine Shape(string line) => ShapedLine.Shape(line, direction, face, style.Size);

        void BreakParagraph(string paragraph, List<ShapedLine> lines)
        {
            var whole = Shape(paragraph);
            if (whole.Width <= maxWidth || !paragraph.Contains(' ', StringComparison.Ordinal))
            {
                AddBreakingLongWord(whole);
                return;
            }

            var words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var current = Shape(words[0]);
            for (var i = 1; i < words.Length; i++)
            {
                var candidate = Shape(current.Text + " " + words[i]);
                if (candidate.Width <= maxWidth)
                {
                    current = candidate;
                }
                else
                {
                    AddBreakingLongWord(current);
                    current = Shape(words[i]);
                }
            }

            AddBreakingLongWord(current);
        }

        void AddBreakingLongWord(ShapedLine line)
        {
            if (line.Width <= maxWidth || line.Text.Contains(' ', StringComparison.Ordinal))
            {
                lines.Add(line);
                return;
            }

            var piece = new StringBuilder();
            var fitting = Shape(string.Empty);
            var elements = StringInfo.GetTextElementEnumerator(line.Text);
            while (elements.MoveNext())
            {
                var element = elements.GetTextElement();
                var candidate = Shape(piece + element);
                if (piece.Length > 0 && candidate.Width > maxWidth)
                {
                    lines.Add(fitting);
                    piece.Clear();
                    candidate = Shape(element);
                }

                piece.Append(element);
                fitting = candidate;
            }

            lines.Add(fitting);
        }
    }
}
