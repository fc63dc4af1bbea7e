using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertificateInquiry.IntegrationTests.Infrastructure;

/// <summary>
/// The PKCS#12 file that signs the agencies' access tokens (<c>AgencyApi:TokenCertificatePath</c>), which Production
/// requires: a self-signed RSA certificate made once per test folder, so that portals started as Production start.
/// </summary>
public static class TokenCertificates
{
    public static string CreateIn(string folder)
    {
        var path = Path.Combine(folder, "agency-tokens.pfx");
        if (File.Exists(path))
        {
            return path;
        }

        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Test agency access tokens", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12));
        return path;
    }
}
