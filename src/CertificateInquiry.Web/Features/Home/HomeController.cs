using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Home;

/// <summary>The start page: what the portal does and where each of its services begins.</summary>
[Route("")]
public sealed class HomeController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View();
}
