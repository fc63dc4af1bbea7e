using System.Security.Cryptography;
using System.Text;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Holders.ShareCodes;

/// <summary>
/// A share code's text: twelve characters from 29 without look-alikes (no 0/O, 1/I/L, U/V), shown in three groups of
/// four (<c>K7QM-3XPA-9TWD</c>) so that it can be read over the phone. 29¹² ≈ 2⁵⁸ codes: with the public forms' limits
/// no one finds a live code by trying (ADR-035).
/// </summary>
public static class ShareCodeText
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTWXYZ23456789";

    public const int Length = 12;

    /// <summary>A new random code, normalized (no dashes).</summary>
    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>Grouped for reading: K7QM-3XPA-9TWD.</summary>
    public static string Format(string code) => code.Length == Length ? $"{code[..4]}-{code[4..8]}-{code[8..]}" : code;

    /// <summary>
    /// What was typed, as a code: any digit script made Latin, letters upper-cased, spaces, half-spaces and dashes dropped.
    /// Null when it cannot be a code (wrong length or a character outside the alphabet).
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null || typed.Length > 64)
        {
            return null;
        }

        var builder = new StringBuilder(Length);
        foreach (var c in PersianText.NormalizeCode(typed))
        {
            if (c == '-')
            {
                continue;
            }

            if (!Alphabet.Contains(c, StringComparison.Ordinal) || builder.Length == Length)
            {
                return null;
            }

            builder.Append(c);
        }

        return builder.Length == Length ? builder.ToString() : null;
    }

    /// <summary>What is stored: SHA-256 of the normalized code in hex.</summary>
    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(code)));
}
