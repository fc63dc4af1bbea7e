using CertificateInquiry.Web.Infrastructure.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Features.DevMessages;

/// <summary>
/// <c>/dev/messages</c>: the SMS and email the development senders received (one-time codes included), newest
/// first, for a developer or a test without a real provider. Answers 404 — as if it did not exist — unless the
/// environment is Development or <c>Notifications:ShowDevelopmentMessages</c> is on.
/// </summary>
[Route("dev/messages")]
public sealed class DevMessagesController(
    DevelopmentMessageLog log, IOptions<NotificationOptions> options, IWebHostEnvironment environment) : Controller
{
    [HttpGet("")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public IActionResult Index()
    {
        if (!environment.IsDevelopment() && !options.Value.ShowDevelopmentMessages)
        {
            return NotFound();
        }

        Response.Headers["X-Robots-Tag"] = "noindex";
        return View(log.Messages());
    }
}
