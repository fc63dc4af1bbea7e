using System.Security.Cryptography;

namespace CertificateInquiry.TestSupport;

/// <summary>
/// A P-256 answer signing key written as a PEM file, and the settings that make it the portal's current key: what a
/// portal run in Production needs to start (it refuses to without configured keys, ADR-024).
/// </summary>
public static class TestSigningKey
{
    /// <summary>Writes a new PKCS#8 private key into <paramref name="folder"/>; returns its path.</summary>
    public static string WritePem(string folder, string fileName = "answer-signing.pem")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = Path.Combine(folder, fileName);
        Directory.CreateDirectory(folder);
        File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
        return path;
    }

    /// <summary>The settings (colon form) of one current key at <paramref name="pemPath"/>.</summary>
    public static IReadOnlyDictionary<string, string> Settings(string pemPath) => new Dictionary<string, string>
    {
        ["AnswerSigning:Keys:0:Path"] = pemPath,
        ["AnswerSigning:Keys:0:Status"] = "Current",
    };
}
