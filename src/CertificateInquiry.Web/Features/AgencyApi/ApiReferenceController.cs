using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// <c>GET /api/docs</c>: the readable API reference (Scalar, whose script the portal serves itself under
/// <c>/api/docs/assets</c>), reading <c>/openapi/v1.json</c>. Scalar injects its style sheet from script; the page allows
/// that one style element through a per-response nonce instead of opening <c>style-src</c> to every inline style.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ApiReferenceController : Controller
{
    [HttpGet("~/api/docs")]
    public ContentResult Reference()
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        Response.Headers.ContentSecurityPolicy =
            $"default-src 'self'; img-src 'self' data:; style-src 'self' 'nonce-{nonce}'; script-src 'self'; font-src 'self'; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        return Content(
            $$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta property="csp-nonce" content="{{nonce}}">
              <title>TVTO certificate inquiry API: reference</title>
            </head>
            <body>
              <div id="app"></div>
              <script src="{{AgencyApiDocument.ReferenceRoute}}/assets/scalar.js"></script>
              <script src="/js/api-reference.js"></script>
            </body>
            </html>
            """,
            "text/html; charset=utf-8");
    }
}
