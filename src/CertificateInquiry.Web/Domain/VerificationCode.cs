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

    // Cryptographic random bytes are fetched 4 KiB at a time: one system call per 256 codes instead of one per
    // code matters when an import creates a million of them.
    [ThreadStatic]
    private static byte[]? randomBuffer;

    [ThreadStatic]
    private static int randomOffset;

    public static string New()
    {
        var buffer = randomBuffer ??= new byte[4096];
        if (randomOffset == 0 || randomOffset + Length > buffer.Length)
        {
            RandomNumberGenerator.Fill(buffer);
            randomOffset = 0;
        }

        var random = buffer.AsSpan(randomOffset, Length);
        randomOffset += Length;
        Span<char> code = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            code[i] = Alphabet[random[i] & 31];
        }

        random.Clear();
        return new string(code);
    }

    public static bool IsWellFormed(string? code) =>
        code is { Length: Length } && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
