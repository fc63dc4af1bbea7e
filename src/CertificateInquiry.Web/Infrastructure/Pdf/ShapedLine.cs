using System.Text;
using HarfBuzzSharp;
using SkiaSharp;
using Buffer = HarfBuzzSharp.Buffer;

namespace CertificateInquiry.Web.Infrastructure.Pdf;

/// <summary>
/// One line of text, split into visual runs by <see cref="BidiTextLayout"/> and shaped by HarfBuzz, ready to be
/// measured and drawn. Each run carries its source text and glyph clusters into the PDF so that the text can be
/// selected, searched and extracted.
/// </summary>
internal sealed class ShapedLine
{
    private static readonly Language Persian = new("fa");

    private readonly ShapedRun[] _runs;
    private readonly PdfFont _face;
    private readonly float _size;

    private ShapedLine(string text, PdfFont face, float size, ShapedRun[] runs, float width)
    {
        Text = text;
        _face = face;
        _size = size;
        _runs = runs;
        Width = width;
    }

    /// <summary>The line's text in logical order.</summary>
    public string Text { get; }

    /// <summary>The advance width of the whole line in points.</summary>
    public float Width { get; }

    public static ShapedLine Shape(string line, TextDirection direction, PdfFont face, float size)
    {
        using var font = CreateFont(face, size);
        var runs = BidiTextLayout.GetVisualRuns(line, direction);
        var shaped = new ShapedRun[runs.Count];
        var x = 0f;
        for (var i = 0; i < runs.Count; i++)
        {
            shaped[i] = ShapeRun(runs[i], face, font, x);
            x += shaped[i].Width;
        }

        return new ShapedLine(line, face, size, shaped, x);
    }

    /// <summary>Draws the line with its left edge at <paramref name="left"/> and its baseline at <paramref name="baseline"/>.</summary>
    public void Draw(SKCanvas canvas, float left, float baseline, SKPaint paint)
    {
        if (_runs.Length == 0)
        {
            return;
        }

        using var font = CreateFont(_face, _size);
        using var builder = new SKTextBlobBuilder();
        foreach (var run in _runs)
        {
            if (run.Glyphs.Length == 0)
            {
                continue;
            }

            var buffer = builder.AllocatePositionedTextRun(font, run.Glyphs.Length, run.Utf8Text.Length, null);
            run.Glyphs.CopyTo(buffer.Glyphs);
            run.Positions.CopyTo(buffer.Positions);
            run.Clusters.CopyTo(buffer.Clusters);
            run.Utf8Text.CopyTo(buffer.Text);
        }

        using var blob = builder.Build();
        if (blob is not null)
        {
            canvas.DrawText(blob, left, baseline, paint);
        }
    }

    private static SKFont CreateFont(PdfFont face, float size) =>
        new(face.Typeface, size) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None };

    private static ShapedRun ShapeRun(BidiRun run, PdfFont face, SKFont font, float x)
    {
        var rightToLeft = run.Direction == TextDirection.RightToLeft;
        using var buffer = new Buffer();

        // The whole line goes into the buffer as context, so that letters at the run's edges join as they should.
        buffer.AddUtf16(run.Line, run.Start, run.Length);
        buffer.GuessSegmentProperties();
        buffer.Direction = rightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
        buffer.Language = Persian;
        var result = face.Shaper.Shape(buffer, x, 0, font);

        var count = result.Codepoints.Length;
        var glyphs = new ushort[count];
        var clusters = new uint[count];
        for (var i = 0; i < count; i++)
        {
            glyphs[i] = checked((ushort)result.Codepoints[i]);
        }

        var text = ClusterText(run, result.Clusters, rightToLeft);
        var utf8 = Encoding.UTF8.GetBytes(text);
        var utf8Offsets = Utf8Offsets(text);
        for (var i = 0; i < count; i++)
        {
            clusters[i] = (uint)utf8Offsets[(int)result.Clusters[i] - run.Start];
        }

        return new ShapedRun(glyphs, result.Points, clusters, utf8, result.Width);
    }

    // The text that the PDF gets for a run. Skia writes a /ReversedChars span for a right-to-left run and an
    // /ActualText for every cluster whose glyph does not map back to its one character (contextual forms, the lam-alef
    // ligature). Text extractors read such a run in drawing order and reverse it; a cluster of several characters is
    // therefore stored reversed too, so that the reversed whole comes out in logical order ("لا", not "ال").
    private static string ClusterText(BidiRun run, uint[] clusters, bool rightToLeft)
    {
        var text = run.Text;
        if (!rightToLeft || clusters.Length == 0)
        {
            return text;
        }

        var starts = new SortedSet<int>();
        foreach (var cluster in clusters)
        {
            starts.Add((int)cluster - run.Start);
        }

        StringBuilder? reordered = null;
        var ordered = starts.ToArray();
        for (var i = 0; i < ordered.Length; i++)
        {
            var start = ordered[i];
            var end = i + 1 < ordered.Length ? ordered[i + 1] : text.Length;
            var cluster = text.AsSpan(start, end - start);
            if (cluster.Length < 2 || (cluster.Length == 2 && char.IsSurrogatePair(cluster[0], cluster[1])))
            {
                continue;
            }

            var runes = new List<Rune>();
            foreach (var rune in cluster.EnumerateRunes())
            {
                runes.Add(rune);
            }

            runes.Reverse();
            reordered ??= new StringBuilder(text);
            reordered.Remove(start, cluster.Length).Insert(start, string.Concat(runes));
        }

        return reordered?.ToString() ?? text;
    }

    // The UTF-8 byte offset of every UTF-16 position of the text (and of its end).
    private static int[] Utf8Offsets(string text)
    {
        var offsets = new int[text.Length + 1];
        var bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            offsets[i] = bytes;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                offsets[i + 1] = bytes;
                bytes += 4;
                i++;
            }
            else
            {
                bytes += text[i] < 0x80 ? 1 : text[i] < 0x800 ? 2 : 3;
            }
        }

        offsets[text.Length] = bytes;
        return offsets;
    }

    private sealed record ShapedRun(ushort[] Glyphs, SKPoint[] Positions, uint[] Clusters, byte[] Utf8Text, float Width);
}
