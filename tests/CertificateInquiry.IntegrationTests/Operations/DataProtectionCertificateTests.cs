using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertificateInquiry.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Operations;

public sealed class DataProtectionCertificateTests : IDisposable
{
    private readonly string certificatePath = Path.Combine(Path.GetTempPath(), $"ci-dp-{Guid.NewGuid():N}.pfx");
    private readonly CertificatePortalFactory portal;

    public DataProtectionCertificateTests()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=CertificateInquiry data protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(certificatePath, certificate.Export(X509ContentType.Pfx, "test-password"));
        portal = new CertificatePortalFactory(certificatePath);
    }

    public void Dispose()
    {
        portal.Dispose();
        File.Delete(certificatePath);
    }

    [Fact]
    public async Task With_a_certificate_configured_the_stored_keys_are_encrypted()
    {
        _ = portal.Server;
        var protector = portal.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        var secret = protector.Protect("کلید رمزشده");

        var stored = await portal.WithDatabaseAsync(db => db.DataProtectionKeys.Select(k => k.Xml).SingleAsync());
        Assert.Contains("encryptedSecret", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("unencrypted form", stored, StringComparison.Ordinal);
        Assert.Equal("کلید رمزشده", protector.Unprotect(secret));
    }

    private sealed class CertificatePortalFactory(string path) : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = path,
            ["DataProtection:CertificatePassword"] = "test-password",
        };
    }
}
