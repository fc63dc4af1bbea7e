using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Holders.Checks;

/// <summary>«چه کسانی استعلام کرده‌اند»: every inquiry about the signed-in holder's records that they may see today.</summary>
[Route("my/checks")]
[Authorize(Policy = HolderPolicies.Holder)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ChecksController(HolderChecks checks) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await checks.ListAsync(User.HolderIdentifier(), cancellationToken));
}
