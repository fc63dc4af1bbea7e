using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Features.Requests.Tracking;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Shell;

/// <summary>The portal plus the test-only actions of <see cref="TestEndpointsController"/> (under /__test).</summary>
public sealed class PortalWithTestEndpoints : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
            services.AddControllers().AddApplicationPart(typeof(TestEndpointsController).Assembly));
    }
}

/// <summary>What the shell must handle before any feature uses it: a failure, and a page with validation errors.</summary>
[Route("__test")]
[IgnoreAntiforgeryToken]
public sealed class TestEndpointsController : Controller
{
    public const string Secret = "SECRET-DETAIL-7f3a";

    /// <summary>Throws, with the request's text and a server path in the message, for any method.</summary>
    [Route("fail")]
    public IActionResult Fail(string? name) =>
        throw new InvalidOperationException($"{name} {Secret} failed at {AppContext.BaseDirectory}");

    /// <summary>
    /// The tracking form (tracking code, then national code) with four validation errors, added in an order unlike the
    /// page's: the national code's, the tracking code's under a key cased as model binding may case it, one for a
    /// field the page does not have, and one on the whole form.
    /// </summary>
    [HttpGet("invalid")]
    public IActionResult Invalid()
    {
        ModelState.AddModelError("NationalCode", "کد ملی را وارد کنید");
        ModelState.AddModelError("trackingcode", "کد رهگیری را وارد کنید");
        ModelState.AddModelError("Applicant.BirthDate", "تاریخ تولد باید به شکل ۱۳۷۰/۰۱/۳۱ باشد");
        ModelState.AddModelError(string.Empty, "این درخواست پیش‌تر ثبت شده است");
        return View("~/Features/Requests/Tracking/Views/Track.cshtml", new RequestTrackingPage(new RequestTrackingInput()));
    }
}
