using CertificateInquiry.Web.Infrastructure.Signing;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.AnswerVerification;

/// <summary>
/// The public keys of answer signing as a JWK Set (RFC 7517), for anyone who checks a signed answer or results file
/// offline (ADR-024). Cached for three hours: a new key is published well before it signs.
/// </summary>
public sealed class JwksController(AnswerKeyRing keys) : Controller
{
    public const string Path = "/.well-known/jwks.json";

    public const int CacheSeconds = 3 * 60 * 60;

    [HttpGet(Path)]
    [ResponseCache(Duration = CacheSeconds, Location = ResponseCacheLocation.Any)]
    public IActionResult Keys()
    {
        // Public keys only: a script on any site (an agency's own checking page) may read them.
        Response.Headers.AccessControlAllowOrigin = "*";
        return Content(keys.ToJwks(), "application/jwk-set+json; charset=utf-8");
    }
}
