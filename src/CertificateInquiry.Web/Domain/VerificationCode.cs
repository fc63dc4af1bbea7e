using System.Security.Cryptography;

namespace CertificateInquiry.Web.Domain;

/// <summary>
/// Codes for verification links: 16 characters of Crockford base32 from a cryptographic random source
/// (80 bits), lower case, without the letters that read like digits (i, l, o, u).
/// </summary>
public static class VerificationCode
{
    public const int Length = 16;

    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string New()
    {
        Span<byte> random = stackalloc byte[Length];
        RandomNumberGenerator.Fill(random);
        Span<char> code = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            code[i] = Alphabet[random[i] & 31];
        }

        return new string(code);
    }

    public static bool IsWellFormed(string? code) =>
        code is { Length: Length } && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
