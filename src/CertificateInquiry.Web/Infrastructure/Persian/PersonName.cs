namespace CertificateInquiry.Web.Infrastructure.Persian;

/// <summary>
/// The one rule for a person's name (first name, last name, father's name), wherever a name enters the portal: the
/// request form and the certificate import. A name is Persian (or Arabic) letters with their vowel marks, joined by
/// spaces, the zero-width non-joiner (محمد‌رضا), a hyphen (حسینی-تهرانی) or a dot (abbreviations such as «م.»). It starts
/// with a letter, so no name can begin with the <c>= + - @</c> of a spreadsheet formula, and it holds no markup
/// (<c>&lt;b&gt;</c>), digits, Latin letters, symbols or punctuation a name cannot contain. Check after
/// <see cref="PersianText.Normalize"/> (Arabic ي/ك already Persian, spaces collapsed).
/// </summary>
public static class PersonName
{
    /// <summary>What the refusal says after the field's name: «نام را با حروف فارسی بنویسید…».</summary>
    public const string RefusalSuffix = " را با حروف فارسی بنویسید (بدون رقم، حروف لاتین و نشانه‌هایی مانند < یا =).";

    public static bool IsValid(string? name)
    {
        if (string.IsNullOrEmpty(name) || !IsLetter(name[0]))
        {
            return false;
        }

        var previousWasSeparator = false;
        foreach (var c in name)
        {
            if (IsLetter(c) || IsMark(c))
            {
                previousWasSeparator = false;
            }
            else if (c is ' ' or '\u200C' or '-' or '.')
            {
                // «م.» ends with a dot; no other separator ends a name, and none comes twice in a row.
                if (previousWasSeparator)
                {
                    return false;
                }

                previousWasSeparator = true;
            }
            else
            {
                return false;
            }
        }

        var last = name[^1];
        return !previousWasSeparator || last == '.';
    }

    // Letters of the Arabic block (Persian's پ چ ژ گ ک ی included); not the tatweel, which only stretches a line.
    private static bool IsLetter(char c) => c is >= '\u0620' and <= '\u06FF' && c != '\u0640' && char.IsLetter(c);

    // Harakat, tanwin, shadda, sukun and the superscript alef.
    private static bool IsMark(char c) => c is (>= '\u064B' and <= '\u0652') or '\u0670';
}
