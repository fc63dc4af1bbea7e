using CertificateInquiry.Web.Infrastructure.Captcha;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Captcha;

/// <summary>
/// The challenge the widget fetches when a person ticks «من ربات نیستم». Not under the inquiry rate limit: issuing
/// one costs an HMAC, and a refused fetch would leave the person with a widget that cannot be solved.
/// </summary>
[Route("captcha")]
public sealed class CaptchaController(CaptchaGate gate) : Controller
{
    [HttpGet("challenge")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public IActionResult NewChallenge() =>
        gate.Enabled ? Content(gate.IssueChallenge(HttpContext), "application/json") : NotFound();
}
