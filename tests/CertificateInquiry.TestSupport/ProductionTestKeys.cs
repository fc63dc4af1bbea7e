using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertificateInquiry.TestSupport;

/// <summary>
/// Everything a portal run in Production needs to start beside its ordinary settings: an answer signing key
/// (ADR-024) and the certificate that signs the agencies' access tokens (ADR-023), written into a test's folder.
/// </summary>
public static class ProductionTestKeys
{
    /// <summary>Writes a self-signed RSA certificate with its private key as a PKCS#12 file (no password); returns its path.</summary>
    public static string WriteTokenCertificate(string folder, string fileName = "agency-tokens.pfx")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=CertificateInquiry test tokens", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, fileName);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12));
        return path;
    }

    /// <summary>Writes both keys into <paramref name="folder"/> and returns their settings (colon form).</summary>
    public static IReadOnlyDictionary<string, string> Settings(string folder)
    {
        var settings = new Dictionary<string, string>(TestSigningKey.Settings(TestSigningKey.WritePem(folder)))
        {
            ["AgencyApi:TokenCertificatePath"] = WriteTokenCertificate(folder),
        };
        return settings;
    }
}
