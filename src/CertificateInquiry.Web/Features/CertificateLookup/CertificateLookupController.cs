using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.Shared;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;
using CertificateInquiry.Web.Infrastructure.Startup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CertificateInquiry.Web.Features.CertificateLookup;

/// <summary>Citizens look up their own certificate or license by national code and number.</summary>
[Route("certificates")]
public sealed class CertificateLookupController(
    CertificateLookupService lookups,
    IValidator<CertificateLookupInput> validator,
    InquiryAudit audit,
    TimeProvider clock,
    ILogger<CertificateLookupController> logger) : Controller
{
    [HttpGet("lookup")]
    public IActionResult Lookup() => View(new CertificateLookupPage(new CertificateLookupInput()));

    // The keys travel in the form body only: a national code never appears in a URL.
    [HttpPost("lookup")]
    [EnableRateLimiting(RateLimitingExtensions.InquiryPolicy)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Lookup([FromForm] CertificateLookupInput input, CancellationToken cancellationToken)
    {
        input.Normalize();
        var validation = await validator.ValidateAsync(input, cancellationToken);
        if (!validation.IsValid)
        {
            ModelState.AddErrors(validation);
            audit.Record(HttpContext, InquiryChannel.CertificateLookup, InquiryOutcome.Invalid);
            logger.LogInformation("Certificate lookup refused: {Fields} invalid", string.Join(',', validation.Errors.Select(e => e.PropertyName).Distinct()));
            return View(new CertificateLookupPage(input));
        }

        var record = await lookups.FindAsync(input.CertificateNumber!, input.NationalCode!);
        audit.Record(HttpContext, InquiryChannel.CertificateLookup, record is null ? InquiryOutcome.Miss : InquiryOutcome.Match, record?.Id);
        logger.LogInformation("Certificate lookup: {Outcome}", record is null ? "miss" : "match");
        return View(new CertificateLookupPage(input)
        {
            Searched = true,
            Details = record is null ? null : CertificateDisclosure.Disclose(record, DisclosureTier.HolderConfirmed, IranTime.Today(clock)),
        });
    }
}

public sealed record CertificateLookupPage(CertificateLookupInput Input)
{
    /// <summary>A valid lookup was made; with no <see cref="Details"/> it found nothing.</summary>
    public bool Searched { get; init; }

    public CertificateDetails? Details { get; init; }
}
