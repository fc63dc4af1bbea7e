using CertificateInquiry.Web.Features.Requests.Tracking;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.BrowserTests.Infrastructure;

/// <summary>Test-only pages (under /__test) for what the shell must handle before any feature uses it.</summary>
[Route("__test")]
public sealed class TestEndpointsController : Controller
{
    /// <summary>The tracking form with a validation error on its national code, so that the layout shows its error summary.</summary>
    [HttpGet("invalid")]
    public IActionResult Invalid()
    {
        ModelState.AddModelError("NationalCode", "کد ملی را وارد کنید");
        return View("~/Features/Requests/Tracking/Views/Track.cshtml", new RequestTrackingPage(new RequestTrackingInput()));
    }
}
