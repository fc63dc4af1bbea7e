using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CertificateInquiry.Web.Features.Agencies;

/// <summary>
/// Client secrets: 256 random bits, shown once, stored as a SHA-256 hash. A slow password hash (PBKDF2) protects secrets
/// people choose; a secret of 256 random bits cannot be guessed from its hash, and a slow hash would only hand a bot at
/// the token endpoint a way to burn the servers' CPU (ADR-023).
/// </summary>
public static class AgencySecrets
{
    public const int HintLength = 6;

    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string Hint(string secret) => secret[..HintLength];

    /// <summary>Compares in constant time, so that the time taken tells nothing about how much of a hash matched.</summary>
    public static bool Matches(string storedHash, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(Hash(presented)));

    /// <summary>A new <c>client_id</c>: «tvto-» and 20 random hex digits.</summary>
    public static string NewClientId() => "tvto-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));
}
