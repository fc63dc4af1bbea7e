using System.Security.Cryptography;

namespace CertificateInquiry.Web.Domain.Requests;

/// <summary>
/// کد رهگیری: 12 digits — 11 from a cryptographic random source (no sequence to guess, ~36 bits, and tracking
/// also needs the national code) and a Luhn check digit so that a mistyped digit is caught before any lookup.
/// Digits only, so it reads the same in Persian and Latin digits and over the phone.
/// </summary>
public static class TrackingCode
{
    public const int Length = 12;

    public static string New()
    {
        Span<char> code = stackalloc char[Length];
        code[0] = (char)('1' + RandomNumberGenerator.GetInt32(9)); // no leading zero: spreadsheets would drop it
        for (var i = 1; i < Length - 1; i++)
        {
            code[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        }

        code[Length - 1] = CheckDigit(code[..^1]);
        return new string(code);
    }

    /// <summary>True for 12 ASCII digits whose last is the Luhn check digit of the others.</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: Length } && code.All(char.IsAsciiDigit) && code[0] != '0' && CheckDigit(code.AsSpan(0, Length - 1)) == code[^1];

    private static char CheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }
}
