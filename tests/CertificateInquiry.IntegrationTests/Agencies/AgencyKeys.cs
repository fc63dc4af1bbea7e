using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CertificateInquiry.IntegrationTests.Agencies;

/// <summary>An agency's EC P-256 key pair for signed client assertions (private_key_jwt, RFC 7523), as its program would hold it.</summary>
public sealed class AgencyKeys : IDisposable
{
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public AgencyKeys(string keyId) => KeyId = keyId;

    /// <summary>The <c>typ</c> header OpenIddict expects of a client assertion (draft-ietf-oauth-rfc7523bis).</summary>
    public const string ClientAuthenticationType = "client-authentication+jwt";

    public string KeyId { get; }

    /// <summary>The public key as a JWK Set, what the agency registers.</summary>
    public string PublicJwks => Jwks(includePrivate: false);

    /// <summary>The whole key pair as a JWK Set: what an agency must never send.</summary>
    public string PrivateJwks => Jwks(includePrivate: true);

    /// <summary>
    /// A client assertion: iss = sub = the client id, aud = the portal's issuer (its public address; OpenIddict 7 takes nothing else), a jti, issued now and living
    /// <paramref name="lifetime"/> (one minute unless given); <paramref name="jti"/> null leaves it out.
    /// </summary>
    public string Assertion(
        string clientId, DateTimeOffset now, TimeSpan? lifetime = null, string? jti = "", string audience = "http://localhost/",
        string type = ClientAuthenticationType)
    {
        var claims = new Dictionary<string, object> { ["sub"] = clientId };
        if (jti is not null)
        {
            claims["jti"] = jti.Length == 0 ? Guid.NewGuid().ToString("N") : jti;
        }

        var issuedAt = now.UtcDateTime;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = type,
            Issuer = clientId,
            Audience = audience,
            Claims = claims,
            IssuedAt = issuedAt,
            Expires = issuedAt + (lifetime ?? TimeSpan.FromMinutes(1)),
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256),
        });
    }

    public void Dispose() => key.Dispose();

    private string Jwks(bool includePrivate)
    {
        var parameters = key.ExportParameters(includePrivate);
        var d = includePrivate ? $""","d":"{Base64UrlEncoder.Encode(parameters.D)}" """.TrimEnd() : "";
        return $$"""{"keys":[{"kty":"EC","crv":"P-256","use":"sig","alg":"ES256","kid":"{{KeyId}}","x":"{{Base64UrlEncoder.Encode(parameters.Q.X)}}","y":"{{Base64UrlEncoder.Encode(parameters.Q.Y)}}"{{d}}}]}""";
    }
}
