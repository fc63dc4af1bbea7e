using System.Text;

namespace CertificateInquiry.Web.Infrastructure.Persian;

/// <summary>
/// Normalizes what people type (and what other systems send) before it is validated, stored or compared:
/// Persian and Arabic-Indic digits to ASCII, Arabic ي/ى/ك to Persian ی/ک, invisible marks removed,
/// control characters (NUL and the like) dropped, whitespace collapsed, and a zero-width non-joiner kept only where it
/// joins two letters. Any string is accepted, null included.
/// </summary>
public static class PersianText
{
    public const char ZeroWidthNonJoiner = '\u200C';

    /// <summary>Full normalization of free text (names, titles, places). Null becomes empty.</summary>
    public static string Normalize(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return string.Empty;
        }

        if (IsNormalized(input))
        {
            return input;
        }

        var builder = new StringBuilder(input.Length);
        var pendingSpace = false;
        var pendingJoiner = false;
        foreach (var raw in input)
        {
            var c = MapCharacter(raw);
            if (c == '\0')
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                pendingJoiner = false;
                continue;
            }

            if (c == ZeroWidthNonJoiner)
            {
                // A joiner only means something between two letters with no space around it.
                pendingJoiner = builder.Length > 0 && !pendingSpace;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
            }
            else if (pendingJoiner && char.IsLetter(builder[^1]) && char.IsLetter(c))
            {
                builder.Append(ZeroWidthNonJoiner);
            }

            pendingSpace = false;
            pendingJoiner = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Normalization of codes (national code, certificate number, tracking code): no spaces at all, Latin letters upper case.</summary>
    public static string NormalizeCode(string? input)
    {
        if (input is { Length: > 0 } && input.AsSpan().IndexOfAnyExcept(PlainCodeCharacters) < 0)
        {
            return input;
        }

        var text = Normalize(input);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is ' ' or ZeroWidthNonJoiner)
            {
                continue;
            }

            builder.Append(c is >= 'a' and <= 'z' ? (char)(c - 'a' + 'A') : c);
        }

        return builder.ToString();
    }

    /// <summary>Persian (۰–۹) and Arabic-Indic (٠–٩) digits to ASCII; nothing else changes.</summary>
    public static string NormalizeDigits(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return string.Empty;
        }

        return string.Create(input.Length, input, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = ToAsciiDigit(source[i]);
            }
        });
    }

    /// <summary>ASCII digits to Persian digits, for display in Persian text.</summary>
    public static string ToPersianDigits(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return string.Empty;
        }

        return string.Create(input.Length, input, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '0' and <= '9' ? (char)('۰' + (c - '0')) : c;
            }
        });
    }

    public static string ToPersianDigits(long number) =>
        ToPersianDigits(number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static readonly System.Buffers.SearchValues<char> PlainCodeCharacters =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-/.");

    /// <summary>
    /// True when <see cref="Normalize"/> would return the text unchanged: the common case on imports, checked
    /// without allocating.
    /// </summary>
    private static bool IsNormalized(string text)
    {
        if (text[0] == ' ' || text[^1] == ' ')
        {
            return false;
        }

        var previous = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == ZeroWidthNonJoiner)
            {
                if (i == 0 || i == text.Length - 1 || !char.IsLetter(previous) || !char.IsLetter(text[i + 1]))
                {
                    return false;
                }
            }
            else if ((c == ' ' && previous == ' ') || (c != ' ' && (char.IsWhiteSpace(c) || char.IsControl(c) || MapCharacter(c) != c)))
            {
                return false;
            }

            previous = c;
        }

        return true;
    }

    private static char ToAsciiDigit(char c) => c switch
    {
        >= '۰' and <= '۹' => (char)('0' + (c - '۰')),
        >= '٠' and <= '٩' => (char)('0' + (c - '٠')),
        _ => c,
    };

    /// <summary>Maps one character; '\0' means drop it.</summary>
    private static char MapCharacter(char c) => c switch
    {
        >= '۰' and <= '۹' or >= '٠' and <= '٩' => ToAsciiDigit(c),
        'ي' or 'ى' => 'ی',
        'ك' => 'ک',
        '\u0640' => '\0', // tatweel (kashida) is decoration
        '\u200B' or '\u200D' or '\u200E' or '\u200F' or '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E'
            or '\u2066' or '\u2067' or '\u2068' or '\u2069' or '\uFEFF' => '\0',
        '\u00A0' or '\u2007' or '\u202F' => ' ',
        '\u200C' => ZeroWidthNonJoiner,
        _ when char.IsControl(c) && !char.IsWhiteSpace(c) => '\0', // NUL, bell, DEL…: nobody types them
        _ => c,
    };
}
