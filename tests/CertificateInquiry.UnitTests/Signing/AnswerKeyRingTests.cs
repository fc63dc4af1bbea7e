using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertificateInquiry.Web.Infrastructure.Signing;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CertificateInquiry.UnitTests.Signing;

/// <summary>The keys from settings: PEM and PKCS#12 files, one current key, and Production's refusal to start without keys.</summary>
public sealed class AnswerKeyRingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ci-signing-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_current_private_pem_and_a_retired_public_pem_make_a_ring_that_signs_with_the_current_one()
    {
        using var current = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var retired = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(Path.Combine(folder, "current.pem"), current.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(folder, "retired.pub.pem"), retired.ExportSubjectPublicKeyInfoPem());

        using var ring = AnswerKeyRing.Load(
            [Key("retired.pub.pem", AnswerKeyStatus.Retired), Key("current.pem", AnswerKeyStatus.Current)], folder);

        Assert.Equal(AnswerKeyStatus.Current, ring.Published[0].Status);
        Assert.Equal([AnswerKeyStatus.Current, AnswerKeyStatus.Retired], ring.Published.Select(k => k.Status));
        Assert.True(ring.Current.CanSign);
        Assert.False(ring.Published[1].CanSign);
    }

    [Fact]
    public void An_encrypted_pem_and_a_pkcs12_file_load_with_their_passwords()
    {
        using var encrypted = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(Path.Combine(folder, "next.pem"), encrypted.ExportEncryptedPkcs8PrivateKeyPem("pem-password",
            new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)));
        using var certificateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest("CN=answers", certificateKey, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
        File.WriteAllBytes(Path.Combine(folder, "current.pfx"), certificate.Export(X509ContentType.Pfx, "pfx-password"));

        using var ring = AnswerKeyRing.Load(
        [
            Key("current.pfx", AnswerKeyStatus.Current, "pfx-password"),
            Key("next.pem", AnswerKeyStatus.Next, "pem-password"),
        ], folder);

        Assert.True(ring.Current.CanSign);
        Assert.Equal(2, ring.Published.Count);
        var signer = new AnswerSigner(ring, TimeProvider.System);
        Assert.True(signer.Check(signer.Sign("{}")).IsGenuine); // the certificate's key outlives the certificate object
    }

    [Fact]
    public void A_public_only_current_key_another_curve_two_current_keys_and_a_missing_file_are_refused_naming_the_setting()
    {
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        File.WriteAllText(Path.Combine(folder, "public.pem"), p256.ExportSubjectPublicKeyInfoPem());
        File.WriteAllText(Path.Combine(folder, "p384.pem"), p384.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(folder, "a.pem"), p256.ExportPkcs8PrivateKeyPem());
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(Path.Combine(folder, "b.pem"), other.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(Path.Combine(folder, "junk.pem"), "\0 not a key ۱۲۳");

        Assert.Contains("Keys:0:Path", Refusal(Key("public.pem", AnswerKeyStatus.Current)), StringComparison.Ordinal);
        Assert.Contains("P-256", Refusal(Key("p384.pem", AnswerKeyStatus.Current)), StringComparison.Ordinal);
        Assert.Contains("exactly one", Refusal(Key("a.pem", AnswerKeyStatus.Current), Key("b.pem", AnswerKeyStatus.Current)), StringComparison.Ordinal);
        Assert.Contains("exactly one", Refusal(Key("a.pem", AnswerKeyStatus.Retired)), StringComparison.Ordinal);
        Assert.Contains("twice", Refusal(Key("a.pem", AnswerKeyStatus.Current), Key("public.pem", AnswerKeyStatus.Retired)), StringComparison.Ordinal);
        Assert.Contains("does not exist", Refusal(Key("absent.pem", AnswerKeyStatus.Current)), StringComparison.Ordinal);
        Assert.Contains("Keys:0:Path", Refusal(Key("junk.pem", AnswerKeyStatus.Current)), StringComparison.Ordinal);
        Assert.Contains("empty", Refusal(Key("", AnswerKeyStatus.Current)), StringComparison.Ordinal);
    }

    [Fact]
    public void Production_refuses_to_start_without_keys_and_other_environments_use_the_development_key()
    {
        var none = new AnswerSigningOptions();

        var production = new AnswerSigningOptionsValidator(new Environment(Environments.Production, folder)).Validate(null, none);
        var development = new AnswerSigningOptionsValidator(new Environment(Environments.Development, folder)).Validate(null, none);

        Assert.True(production.Failed);
        Assert.Contains("AnswerSigning:Keys", production.FailureMessage, StringComparison.Ordinal);
        Assert.True(development.Succeeded);
    }

    [Fact]
    public void Configured_keys_that_do_not_load_stop_the_start_in_any_environment()
    {
        var options = new AnswerSigningOptions { Keys = [Key("absent.pem", AnswerKeyStatus.Current)] };

        var result = new AnswerSigningOptionsValidator(new Environment(Environments.Development, folder)).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("absent.pem", result.FailureMessage, StringComparison.Ordinal);
    }

    private string Refusal(params AnswerSigningKeyOptions[] keys) =>
        Assert.Throws<InvalidOperationException>(() => AnswerKeyRing.Load(keys, folder)).Message;

    private static AnswerSigningKeyOptions Key(string path, AnswerKeyStatus status, string? password = null) =>
        new() { Path = path, Status = status, Password = password };

    private sealed class Environment(string name, string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "CertificateInquiry.Web";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
