using System.Security.Cryptography;

namespace CertificateInquiry.Web.Features.Admin.Users;

/// <summary>
/// A first password the portal makes up: 16 characters from a cryptographic source (about 90 bits), in four groups of
/// four so that it can be read out or copied by hand. Letters and digits that look alike (0/O, 1/l/I) are left out.
/// </summary>
public static class GeneratedPassword
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New()
    {
        var characters = RandomNumberGenerator.GetString(Alphabet, 16);
        return string.Join('-', characters.Chunk(4).Select(group => new string(group)));
    }
}
