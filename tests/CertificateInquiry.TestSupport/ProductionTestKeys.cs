using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertificateInquiry.TestSupport;

/// <summary>
/// Everything a portal run in Production needs to start beside its ordinary settings: an answer signing key
/// (ADR-024) and the certificate that signs the agencies' access tokens (ADR-023), written into a test's folder, and
/// the staging-copy flag that lets it run with the development SMS sender and the sandbox gateway (tests that check
/// Production's providers leave it out).
/// </summary>
public static class ProductionTestKeys
{
    // One certificate per test run: making an RSA key for each of the run's hundred portals would cost seconds.
    private static readonly Lazy<byte[]> TokenCertificate = new(() =>
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=CertificateInquiry test tokens", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.Export(X509ContentType.Pkcs12);
    });

    /// <summary>Writes a self-signed RSA certificate with its private key as a PKCS#12 file (no password); returns its path.</summary>
    public static string WriteTokenCertificate(string folder, string fileName = "agency-tokens.pfx")
    {
        var path = Path.Combine(folder, fileName);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(path, TokenCertificate.Value);
        return path;
    }

    /// <summary>Writes both keys into <paramref name="folder"/> and returns their settings (colon form).</summary>
    public static IReadOnlyDictionary<string, string> Settings(string folder)
    {
        var settings = new Dictionary<string, string>(TestSigningKey.Settings(TestSigningKey.WritePem(folder)))
        {
            ["AgencyApi:TokenCertificatePath"] = WriteTokenCertificate(folder),
            ["Portal:StagingCopy"] = "true",
        };
        return settings;
    }
}
