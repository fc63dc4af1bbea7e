using System.Text;
using System.Text.RegularExpressions;
using Icu;

namespace CertificateInquiry.Web.Infrastructure.Pdf;

/// <summary>The direction of a paragraph or of a run of text.</summary>
public enum TextDirection
{
    RightToLeft,
    LeftToRight,
}

/// <summary>
/// A piece of a line that is drawn in one direction: <see cref="Start"/> and <see cref="Length"/> index the logical
/// (stored) text of <see cref="Line"/>, which stays the shaping context of the run.
/// </summary>
public readonly record struct BidiRun(string Line, int Start, int Length, TextDirection Direction)
{
    public int End => Start + Length;

    /// <summary>The run's characters in logical order.</summary>
    public string Text => Line.Substring(Start, Length);

    /// <summary>
    /// The characters as they appear from left to right: a right-to-left run reversed, with mirrored characters
    /// such as parentheses replaced by their mirror images (ICU's <c>ubidi_writeReverse</c>). For tests and
    /// diagnostics; drawing shapes <see cref="Text"/> and lets HarfBuzz mirror.
    /// </summary>
    public string VisualText => Direction == TextDirection.RightToLeft
        ? BiDi.ReverseString(Text, BiDi.CallReorderingOptions.DO_MIRRORING)
        : Text;
}

/// <summary>
/// Splits a line of text into its visual runs, in left-to-right drawing order, with ICU's implementation of the
/// Unicode bidirectional algorithm (UAX #9). HarfBuzz shapes one run in one direction and does no bidi, so every line
/// drawn into a PDF goes through here first.
/// </summary>
/// <remarks>
/// Codes made of Latin letters and digits joined by separators (<c>1402-04-000102</c>, <c>TV-1402-000123</c>,
/// <c>۰۰۷۶***۲۱۸</c>, <c>1402/05/01</c>) are handed to ICU as left-to-right isolates (LRI … PDI), as the portal's
/// pages mark them <c>dir="ltr"</c>. Without that, rule W2 of the algorithm turns the digits of a number that
/// follows Persian letters into Arabic numbers, which a hyphen does not join, and <c>1402-04-000102</c> would be
/// shown as <c>000102-04-1402</c>. The isolate marks are not part of any run.
/// </remarks>
public static partial class BidiTextLayout
{
    private const char LeftToRightIsolate = '\u2066';
    private const char PopDirectionalIsolate = '\u2069';

    static BidiTextLayout()
    {
        // Loads the system ICU (the one .NET globalization uses) and makes it safe to use from several threads.
        Wrapper.Init();
    }

    /// <summary>
    /// The visual runs of one line, left to right. A paragraph that wraps is split into lines first (at spaces) and
    /// each line laid out on its own.
    /// </summary>
    /// <remarks>
    /// (Resolving the paragraph once and each line with <c>ubidi_setLine</c> would be the textbook way, but icu.net
    /// 4.0 passes <c>setLine</c>'s line object as an out pointer instead of an opened UBiDi and corrupts memory;
    /// report lines are short and break at spaces, where nothing carries over between lines.)
    /// </remarks>
    public static IReadOnlyList<BidiRun> GetVisualRuns(string line, TextDirection baseDirection = TextDirection.RightToLeft)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.AsSpan().IndexOfAny('\n', '\r', '\u2029') >= 0)
        {
            throw new ArgumentException("A line cannot hold a line or paragraph separator.", nameof(line));
        }

        if (line.Length == 0)
        {
            return [];
        }

        var (marked, sourceIndex) = MarkCodesAsIsolates(line);
        var runs = new List<BidiRun>();
        using var bidi = new BiDi();
        bidi.SetPara(marked, baseDirection == TextDirection.RightToLeft ? (byte)1 : (byte)0, null!);
        var count = bidi.CountRuns();
        for (var i = 0; i < count; i++)
        {
            var direction = bidi.GetVisualRun(i, out var start, out var length) == BiDi.BiDiDirection.RTL
                ? TextDirection.RightToLeft
                : TextDirection.LeftToRight;

            // Drop the isolate marks at either end of the run; what is left is contiguous in the source.
            var first = start;
            var last = start + length - 1;
            while (first <= last && sourceIndex[first] < 0)
            {
                first++;
            }

            while (last >= first && sourceIndex[last] < 0)
            {
                last--;
            }

            if (first > last)
            {
                continue;
            }

            var run = new BidiRun(line, sourceIndex[first], sourceIndex[last] - sourceIndex[first] + 1, direction);
            if (runs.Count > 0 && TryMerge(runs[^1], run, out var merged))
            {
                runs[^1] = merged;
            }
            else
            {
                runs.Add(run);
            }
        }

        return runs;
    }

    // Runs of one direction that touch in the source as well as on the line (an isolate at the paragraph's own
    // level, e.g. a code in a left-to-right line) are one run: shaped together, they kern and join as typed.
    private static bool TryMerge(BidiRun left, BidiRun right, out BidiRun merged)
    {
        merged = default;
        if (left.Direction != right.Direction)
        {
            return false;
        }

        if (left.Direction == TextDirection.LeftToRight && left.End == right.Start)
        {
            merged = left with { Length = left.Length + right.Length };
            return true;
        }

        if (left.Direction == TextDirection.RightToLeft && right.End == left.Start)
        {
            merged = right with { Length = left.Length + right.Length };
            return true;
        }

        return false;
    }

    private static (string Marked, int[] SourceIndex) MarkCodesAsIsolates(string text)
    {
        var matches = CodePattern().Matches(text);
        var sourceIndex = new int[text.Length + (2 * matches.Count)];
        if (matches.Count == 0)
        {
            for (var i = 0; i < text.Length; i++)
            {
                sourceIndex[i] = i;
            }

            return (text, sourceIndex);
        }

        var builder = new StringBuilder(sourceIndex.Length);
        var next = 0;
        foreach (Match match in matches)
        {
            Copy(text, next, match.Index, builder, sourceIndex);
            sourceIndex[builder.Length] = -1;
            builder.Append(LeftToRightIsolate);
            Copy(text, match.Index, match.Index + match.Length, builder, sourceIndex);
            sourceIndex[builder.Length] = -1;
            builder.Append(PopDirectionalIsolate);
            next = match.Index + match.Length;
        }

        Copy(text, next, text.Length, builder, sourceIndex);
        return (builder.ToString(), sourceIndex);

        static void Copy(string text, int from, int to, StringBuilder builder, int[] sourceIndex)
        {
            for (var i = from; i < to; i++)
            {
                sourceIndex[builder.Length] = i;
                builder.Append(text[i]);
            }
        }
    }

    // Latin letters and digits of any script, at least two groups joined by separators, not glued to a word before.
    [GeneratedRegex(@"(?<![\p{L}\p{M}\p{Nd}])[A-Za-z\p{Nd}]+(?:[-+/.:_*#]+[A-Za-z\p{Nd}]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
