using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CertificateInquiry.TestSupport;

/// <summary>
/// What an agency does offline with a signed answer: verify the compact JWS against the JWK Set the portal publishes
/// at /.well-known/jwks.json, with a general JOSE library (here Microsoft.IdentityModel), trusting ES256 only. Kept
/// apart from the portal's own checker on purpose: a signature that this accepts is one any standard library accepts.
/// </summary>
public static class JwsVerifier
{
    /// <summary>The payload, byte for byte as signed (UTF-8 decoded); throws <see cref="SecurityTokenException"/> (or a subclass) when not genuine.</summary>
    public static string Verify(string compactJws, string jwksJson)
    {
        var handler = new JsonWebTokenHandler();
        var result = handler.ValidateTokenAsync(compactJws, new TokenValidationParameters
        {
            IssuerSigningKeys = new JsonWebKeySet(jwksJson).GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
            TryAllIssuerSigningKeys = false,
        }).GetAwaiter().GetResult();
        if (!result.IsValid)
        {
            throw result.Exception as SecurityTokenException ?? new SecurityTokenException("Not genuine.", result.Exception);
        }

        var token = (JsonWebToken)result.SecurityToken;
        return Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.EncodedPayload));
    }

    /// <summary>The signature's header member <paramref name="name"/> (e.g. <c>kid</c>, <c>typ</c>), unverified.</summary>
    public static string? Header(string compactJws, string name) =>
        new JsonWebToken(compactJws).TryGetHeaderValue<string>(name, out var value) ? value : null;
}
