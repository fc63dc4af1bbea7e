using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace CertificateInquiry.Web.Infrastructure.Signing;

/// <summary>
/// One P-256 key of the ring. Its <see cref="KeyId"/> is its RFC 7638 JWK thumbprint (SHA-256, base64url), so it
/// follows from the key itself: no operator names it, and two keys never share one.
/// </summary>
public sealed class AnswerSigningKey : IDisposable
{
    /// <summary>The OID of the NIST P-256 curve (secp256r1, prime256v1).</summary>
    private const string P256Oid = "1.2.840.10045.3.1.7";

    private readonly ECDsa publicKey;
    private readonly ECDsa? privateKey;

    private AnswerSigningKey(ECParameters publicParameters, ECDsa? privateKey, AnswerKeyStatus status)
    {
        publicKey = ECDsa.Create(publicParameters);
        this.privateKey = privateKey;
        Status = status;
        X = Base64UrlEncoder.Encode(publicParameters.Q.X!);
        Y = Base64UrlEncoder.Encode(publicParameters.Q.Y!);
        KeyId = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(
            "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + X + "\",\"y\":\"" + Y + "\"}")));
    }

    public string KeyId { get; }

    public AnswerKeyStatus Status { get; }

    /// <summary>The public point's coordinates, base64url, as the JWK's <c>x</c> and <c>y</c>.</summary>
    public string X { get; }

    public string Y { get; }

    public bool CanSign => privateKey is not null;

    /// <summary>
    /// A key of the ring. The private part is kept only when <paramref name="status"/> is Current (a next or retired
    /// key never signs); the caller's <paramref name="key"/> is then owned by the ring, and disposed otherwise.
    /// </summary>
    public static AnswerSigningKey From(ECDsa key, AnswerKeyStatus status)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parameters = key.ExportParameters(includePrivateParameters: false);
        if (!IsP256(parameters.Curve))
        {
            key.Dispose();
            throw new InvalidOperationException("An answer signing key must be an ECDSA key on the P-256 curve (ES256).");
        }

        if (status != AnswerKeyStatus.Current)
        {
            key.Dispose();
            return new AnswerSigningKey(parameters, null, status);
        }

        if (!HasPrivatePart(key))
        {
            key.Dispose();
            throw new InvalidOperationException("The current answer signing key must hold its private part; this one is public only.");
        }

        return new AnswerSigningKey(parameters, key, status);
    }

    /// <summary>The ES256 signature (R and S, 32 bytes each, as JWS wants) of <paramref name="data"/>.</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) =>
        (privateKey ?? throw new InvalidOperationException("This key is published only; it does not sign."))
            .SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        signature.Length == 64
        && publicKey.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public void Dispose()
    {
        publicKey.Dispose();
        privateKey?.Dispose();
    }

    private static bool IsP256(ECCurve curve) =>
        curve.IsNamed
        && (curve.Oid.Value == P256Oid
            || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "secp256r1" or "prime256v1");

    private static bool HasPrivatePart(ECDsa key)
    {
        try
        {
            return key.ExportParameters(includePrivateParameters: true).D is { Length: > 0 };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
