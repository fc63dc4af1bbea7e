using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Captcha;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CertificateInquiry.Web.Features.CertificateLookup;

/// <summary>
/// Employers check a license (or certificate) number an applicant gave them: the public tier by number alone,
/// the full record when the holder's national code is given too. With a national code the check is the lookup's: both
/// keys must match one record, and a wrong national code gets the same answer as an unknown number, so the form
/// tells nobody whether a number exists or whose it is.
/// </summary>
[Route("licenses")]
public sealed class LicenseCheckController(
    ICertificateLookups lookups,
    IValidator<LicenseCheckInput> validator,
    InquiryAudit audit,
    CaptchaGate captcha,
    TimeProvider clock,
    ILogger<LicenseCheckController> logger) : Controller
{
    [HttpGet("check")]
    public IActionResult Check() => View(new LicenseCheckPage(new LicenseCheckInput()));

    [HttpPost("check")]
    [SameOriginInquiry]
    [EnableRateLimiting(RateLimitingExtensions.InquiryPolicy)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Check([FromForm] LicenseCheckInput input, CancellationToken cancellationToken)
    {
        input.Normalize();
        if (!await this.AcceptAsync(validator, input, audit, captcha, InquiryChannel.LicenseCheck, logger, cancellationToken, keys: input.Keys))
        {
            return View(new LicenseCheckPage(input));
        }

        var holderConfirmed = !string.IsNullOrEmpty(input.NationalCode);
        var record = holderConfirmed
            ? await lookups.FindAsync(input.LicenseNumber!, input.NationalCode!)
            : await lookups.FindByNumberAsync(input.LicenseNumber!);
        var tier = holderConfirmed ? DisclosureTier.HolderConfirmed : DisclosureTier.Public;
        audit.Record(HttpContext, InquiryChannel.LicenseCheck, record is null ? InquiryOutcome.Miss : InquiryOutcome.Match, record?.Id);
        logger.LicenseCheck(record is null ? "miss" : "match", tier);
        return View(new LicenseCheckPage(input)
        {
            Searched = true,
            Details = record is null ? null : CertificateDisclosure.Disclose(record, tier, IranTime.Today(clock)),
        });
    }
}

public sealed record LicenseCheckPage(LicenseCheckInput Input)
{
    public bool Searched { get; init; }

    public CertificateDetails? Details { get; init; }
}
