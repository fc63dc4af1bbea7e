namespace CertificateInquiry.Web.Infrastructure.Persian;

/// <summary>
/// The Iranian national code (کد ملی): ten digits, the last a check digit. With d1..d9 the first nine,
/// s = Σ dᵢ × (11 − i), r = s mod 11; valid iff (r &lt; 2 and check = r) or (r ≥ 2 and check = 11 − r).
/// Codes of ten equal digits are invalid.
/// </summary>
public static class NationalCode
{
    public const int Length = 10;

    /// <summary>Checks an already normalized code (ASCII digits only; see <see cref="PersianText.NormalizeCode"/>).</summary>
    public static bool IsValid(string? code)
    {
        if (code is not { Length: Length })
        {
            return false;
        }

        foreach (var c in code)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        if (code.AsSpan().IndexOfAnyExcept(code[0]) < 0)
        {
            return false;
        }

        return code[9] - '0' == CheckDigit(code.AsSpan(0, 9));
    }

    /// <summary>The check digit for nine digits; used to build codes (demo data, tests).</summary>
    public static int CheckDigit(ReadOnlySpan<char> firstNine)
    {
        if (firstNine.Length != 9)
        {
            throw new ArgumentException("Nine digits are needed.", nameof(firstNine));
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (firstNine[i] - '0') * (10 - i);
        }

        var remainder = sum % 11;
        return remainder < 2 ? remainder : 11 - remainder;
    }

    /// <summary>Appends the check digit to nine digits.</summary>
    public static string Complete(string firstNine) =>
        firstNine + (char)('0' + CheckDigit(firstNine));
}
