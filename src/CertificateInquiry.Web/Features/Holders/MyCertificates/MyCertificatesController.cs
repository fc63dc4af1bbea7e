using CertificateInquiry.Web.Features.CertificateLookup;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Holders.MyCertificates;

/// <summary>
/// «کارنامه مهارتی من»: every certificate and license under the signed-in holder's identifier (electronic, imported,
/// digitized from paper; from every program, told apart by nothing, as everywhere outside the back-office), each with
/// its report, and the holder's inquiry requests. The identifier comes only from the holder's cookie.
/// </summary>
[Route("my")]
[Authorize(Policy = HolderPolicies.Holder)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class MyCertificatesController(HolderRecords records, TimeProvider clock, ILogger<MyCertificatesController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var identifier = User.HolderIdentifier();
        var today = IranTime.Today(clock);
        var certificates = await records.CertificatesAsync(identifier);
        return View(new HolderHomePage(
            HolderIdentity.Of(identifier, certificates.Count > 0 ? certificates[0] : null),
            [.. certificates.Select(record => CertificateDisclosure.Disclose(record, DisclosureTier.HolderConfirmed, today))],
            await records.RequestsAsync(identifier, cancellationToken)));
    }

    /// <summary>The verification report of one of the holder's own certificates; any other number is not found.</summary>
    [HttpGet("report")]
    public async Task<IActionResult> Report(
        [FromQuery] string? number, [FromServices] CertificateReportDocument reportDocument, [FromServices] PublicAddress portal)
    {
        var record = await records.CertificateAsync(User.HolderIdentifier(), PersianText.NormalizeCode(number));
        if (record is null)
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var details = CertificateDisclosure.Disclose(record, DisclosureTier.HolderConfirmed, IranTime.Today(clock));
        var pdf = reportDocument.Render(CertificateReport.From(details, VerifyController.AbsoluteUrl(portal, record.VerificationCode), now));
        logger.HolderReportIssued(record.Id);
        return File(pdf, "application/pdf", "tvto-certificate-" + record.Number.Replace('/', '-') + ".pdf");
    }
}

public sealed record HolderHomePage(HolderIdentity Holder, IReadOnlyList<CertificateDetails> Certificates, IReadOnlyList<HolderRequestRow> Requests);
