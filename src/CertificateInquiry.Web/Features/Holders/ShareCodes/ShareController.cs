using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.CertificateLookup;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Captcha;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CertificateInquiry.Web.Features.Holders.ShareCodes;

/// <summary>
/// An employer opens a holder's records with the share code the holder gave them, and nothing else: the full record
/// (the holder-confirmed tier) of one certificate or of all, with the code's expiry. An anonymous inquiry form like the
/// lookup: the same origin check, rate limit and CAPTCHA threshold; an unknown, expired or revoked code gets one
/// answer, so the form tells nobody which codes ever existed. Each use is counted on the code and audited under the
/// holder's national-code hash, so that the holder sees it (ADR-035).
/// </summary>
[Route("share")]
public sealed class ShareController(
    HolderShareCodes shareCodes,
    IValidator<ShareInput> validator,
    InquiryAudit audit,
    CaptchaGate captcha,
    TimeProvider clock,
    ILogger<ShareController> logger) : Controller
{
    [HttpGet("")]
    public IActionResult Open() => View(new SharePage(new ShareInput()));

    [HttpPost("")]
    [SameOriginInquiry]
    [EnableRateLimiting(RateLimitingExtensions.InquiryPolicy)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Open([FromForm] ShareInput input, CancellationToken cancellationToken)
    {
        input.Normalize();
        if (!await this.AcceptAsync(validator, input, audit, captcha, InquiryChannel.ShareCode, logger, cancellationToken, keys: input.NormalizedCode))
        {
            return View(new SharePage(input));
        }

        var opening = await shareCodes.OpenAsync(input.NormalizedCode!, cancellationToken);
        if (opening is null)
        {
            audit.Record(HttpContext, InquiryChannel.ShareCode, InquiryOutcome.Miss);
            logger.ShareCodeRefused("no such code");
            return View(new SharePage(input) { Searched = true });
        }

        // A revoked or expired code gets the answer of one that never existed, and its holder sees that it was tried.
        var shown = opening.Usable && opening.Records.Count > 0;
        audit.RecordAgency(HttpContext, InquiryChannel.ShareCode, shown ? InquiryOutcome.Match : InquiryOutcome.Miss,
            opening.CertificateId, new AgencyAuditFields(null, null, null, null, audit.HashNationalCode(opening.HolderIdentifier)));
        if (!opening.Usable)
        {
            logger.ShareCodeRefused("revoked or expired");
            return View(new SharePage(input) { Searched = true });
        }

        logger.ShareCodeUsed(opening.ShareCodeId, opening.Records.Count);
        var today = IranTime.Today(clock);
        return View(new SharePage(input)
        {
            Searched = true,
            ExpiresAtUtc = opening.ExpiresAtUtc,
            Records = [.. opening.Records.Select(record => CertificateDisclosure.Disclose(record, DisclosureTier.HolderConfirmed, today))],
        });
    }
}

public sealed record SharePage(ShareInput Input)
{
    public bool Searched { get; init; }

    /// <summary>Null unless a live code was given.</summary>
    public IReadOnlyList<CertificateDetails>? Records { get; init; }

    public DateTime? ExpiresAtUtc { get; init; }
}
