using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CertificateInquiry.Web.Features.CertificateLookup;

/// <summary>
/// The permanent verification address printed as a QR code on every report: <c>/verify/{code}</c>. It shows the
/// live record, so a report edited after printing is caught. This URL scheme must never change.
/// </summary>
[Route("verify")]
public sealed class VerifyController(
    ICertificateLookups lookups, InquiryAudit audit, TimeProvider clock, ILogger<VerifyController> logger) : Controller
{
    /// <summary>
    /// The absolute verification address of a record, as printed on reports and shown on result pages. Written out
    /// rather than asked of the router: the scheme never changes, and link generation showed in the lookup's profile.
    /// </summary>
    public static string AbsoluteUrl(PublicAddress portal, string verificationCode)
    {
        ArgumentNullException.ThrowIfNull(portal);
        return portal.For("/verify/" + Uri.EscapeDataString(verificationCode));
    }

    [HttpGet("{code}")]
    [EnableRateLimiting(RateLimitingExtensions.InquiryPolicy)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Verify(string code)
    {
        var normalized = PersianText.NormalizeCode(code).ToLowerInvariant();
        var record = VerificationCode.IsWellFormed(normalized) ? await lookups.FindByVerificationCodeAsync(normalized) : null;
        audit.Record(HttpContext, InquiryChannel.Verification, record is null ? InquiryOutcome.Miss : InquiryOutcome.Match, record?.Id);
        logger.Verification(record is null ? "miss" : "match");
        if (record is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("VerifyNotFound");
        }

        return View(CertificateDisclosure.Disclose(record, DisclosureTier.HolderConfirmed, IranTime.Today(clock)));
    }
}
