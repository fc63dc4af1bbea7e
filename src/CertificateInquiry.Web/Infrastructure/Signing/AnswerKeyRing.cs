using System.Buffers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace CertificateInquiry.Web.Infrastructure.Signing;

/// <summary>
/// The keys of answer signing: one current key that signs, and the next and retired keys that are only published
/// (ADR-024). Immutable; built once per process (a change of keys is a restart).
/// </summary>
public sealed class AnswerKeyRing : IDisposable
{
    private readonly Dictionary<string, AnswerSigningKey> byId;

    public AnswerKeyRing(IReadOnlyList<AnswerSigningKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var current = keys.Where(k => k.Status == AnswerKeyStatus.Current).ToList();
        if (current.Count != 1)
        {
            throw new InvalidOperationException(
                $"AnswerSigning:Keys must hold exactly one key with Status Current; it holds {current.Count}.");
        }

        var duplicate = keys.GroupBy(k => k.KeyId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"AnswerSigning:Keys lists the same key twice (key id {duplicate.Key}).");
        }

        Current = current[0];

        // The current key first, then the next keys, then the retired ones: the order of the published set.
        Published = [.. keys.OrderBy(k => k.Status)];
        byId = keys.ToDictionary(k => k.KeyId, StringComparer.Ordinal);
    }

    /// <summary>The key that signs.</summary>
    public AnswerSigningKey Current { get; }

    /// <summary>Every key, current first: what /.well-known/jwks.json publishes, and what a signature may name.</summary>
    public IReadOnlyList<AnswerSigningKey> Published { get; }

    public AnswerSigningKey? Find(string keyId) => byId.GetValueOrDefault(keyId);

    /// <summary>
    /// The published keys as a JWK Set (RFC 7517): <c>kty</c> EC, <c>crv</c> P-256, <c>x</c>, <c>y</c>, <c>kid</c>,
    /// <c>use</c> sig, <c>alg</c> ES256. Public parts only: a key's <c>d</c> is never written.
    /// </summary>
    public string ToJwks()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            foreach (var key in Published)
            {
                writer.WriteStartObject();
                writer.WriteString("kty", "EC");
                writer.WriteString("crv", "P-256");
                writer.WriteString("x", key.X);
                writer.WriteString("y", key.Y);
                writer.WriteString("kid", key.KeyId);
                writer.WriteString("use", "sig");
                writer.WriteString("alg", AnswerSigner.Algorithm);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Loads the configured keys (relative paths against <paramref name="contentRoot"/>). Throws
    /// <see cref="InvalidOperationException"/> naming the setting at fault.
    /// </summary>
    public static AnswerKeyRing Load(IReadOnlyList<AnswerSigningKeyOptions> configured, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var keys = new List<AnswerSigningKey>();
        try
        {
            for (var i = 0; i < configured.Count; i++)
            {
                keys.Add(LoadKey(configured[i], i, contentRoot));
            }

            return new AnswerKeyRing(keys);
        }
        catch
        {
            keys.ForEach(k => k.Dispose());
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var key in Published)
        {
            key.Dispose();
        }
    }

    private static AnswerSigningKey LoadKey(AnswerSigningKeyOptions options, int index, string contentRoot)
    {
        var setting = $"AnswerSigning:Keys:{index}:Path";
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new InvalidOperationException(setting + " is empty: name the PEM or PKCS#12 file of the key.");
        }

        var path = Path.GetFullPath(Path.Combine(contentRoot, options.Path));
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{setting}: the file '{options.Path}' does not exist.");
        }

        try
        {
            return AnswerSigningKey.From(Read(path, options.Password), options.Status);
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{setting}: '{options.Path}' does not hold a usable P-256 key: {exception.Message}", exception);
        }
    }

    private static ECDsa Read(string path, string? password)
    {
        var extension = Path.GetExtension(path);
        if (extension.Equals(".pfx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".p12", StringComparison.OrdinalIgnoreCase))
        {
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, string.IsNullOrEmpty(password) ? null : password, X509KeyStorageFlags.EphemeralKeySet);
            return certificate.GetECDsaPrivateKey() ?? certificate.GetECDsaPublicKey()
                ?? throw new InvalidOperationException("the certificate's key is not an ECDSA key.");
        }

        var pem = File.ReadAllText(path);
        var key = ECDsa.Create();
        try
        {
            if (pem.Contains("ENCRYPTED PRIVATE KEY", StringComparison.Ordinal))
            {
                key.ImportFromEncryptedPem(pem, password ?? "");
            }
            else
            {
                key.ImportFromPem(pem);
            }

            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
