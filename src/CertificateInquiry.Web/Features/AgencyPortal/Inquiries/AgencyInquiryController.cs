using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.AgencyApi;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.AgencyPortal.Inquiries;

/// <summary>
/// The portal's single inquiry (<c>/agency/inquiries/new</c>): the API's inquiry (<see cref="AgencyInquiries"/>, channel
/// <see cref="InquiryChannel.AgencyPortal"/>) behind a form, for agencies that do not integrate. The same rules, quota
/// and rate as the API, their refusals in Persian on the form; the answer shown as the API gives it, with its JWS to copy
/// or download (<c>/agency/inquiries/{inquiryId}.jws</c>, only for the agency that asked).
/// </summary>
[Route(Path)]
public sealed class AgencyInquiryController(
    AgencyPortalMember member, AgencyInquiries inquiries, AgencyRequestRate rate, ILogger<AgencyInquiryController> logger)
    : AgencyPortalController
{
    public const string Path = "/agency/inquiries";

    /// <summary>What a refused field shows again: enough to see the mistake, never a 5 MB value.</summary>
    public const int MaxEcho = 100;

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken)
    {
        var caller = await member.CallerAsync(cancellationToken);
        if (caller is null)
        {
            return Inactive();
        }

        return View("New", new AgencyInquiryPage(new AgencyInquiryForm(), caller.Has(AgencyScopes.Person), Allowed: MayAsk(caller)));
    }

    [HttpPost("new")]
    public async Task<IActionResult> Ask(AgencyInquiryForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ModelState.Clear();
        var caller = await member.CallerAsync(cancellationToken);
        if (caller is null)
        {
            return Inactive();
        }

        var person = caller.Has(AgencyScopes.Person);
        if (!MayAsk(caller))
        {
            return View("New", new AgencyInquiryPage(new AgencyInquiryForm(), person, Allowed: false));
        }

        using (var lease = await rate.AcquireAsync(caller.Agency.Id, cancellationToken))
        {
            if (!lease.IsAcquired)
            {
                logger.PortalRateRefused(caller.Agency.Id, member.UserId);
                ModelState.AddModelError(string.Empty, "درخواست‌ها بیش از اندازه پشت سر هم فرستاده شده است؛ چند ثانیه بعد دوباره بفرستید.");
                return View("New", new AgencyInquiryPage(Echo(form), person));
            }
        }

        var result = await inquiries.AskAsync(HttpContext, caller, form.ToInput(member.UserId), InquiryChannel.AgencyPortal, cancellationToken);
        if (result.Problem is { } problem)
        {
            if (problem.Errors is { Count: > 0 } errors)
            {
                foreach (var error in errors)
                {
                    var field = AgencyInquiryForm.FieldOf(error.Field);
                    if (!ModelState.TryGetValue(field, out var entry) || entry.Errors.Count == 0)
                    {
                        ModelState.AddModelError(field, error.Message);
                    }
                }
            }
            else
            {
                ModelState.AddModelError(string.Empty, result.RetryAfterSeconds is not null
                    ? "سهمیه روزانه استعلام دستگاه شما تمام شده است؛ سهمیه تازه از نیمه‌شب به وقت ایران آغاز می‌شود. استعلامی انجام نشد."
                    : problem.TitleFa);
            }

            return View("New", new AgencyInquiryPage(Echo(form), person));
        }

        logger.PortalInquiry(caller.Agency.Id, member.UserId, result.Answer!.InquiryId);
        return View("New", new AgencyInquiryPage(new AgencyInquiryForm { Purpose = form.Purpose, CaseReference = Cut(form.CaseReference) }, person, result.Answer, result.SignedAnswer));
    }

    /// <summary>The signed answer of one of the agency's own inquiries, as a file; 404 for any other id.</summary>
    [HttpGet("{inquiryId}.jws")]
    public async Task<IActionResult> Signature(string inquiryId, [FromServices] RecentAnswers answers, CancellationToken cancellationToken)
    {
        var stored = await answers.FindAsync(inquiryId, member.AgencyClientId, cancellationToken);
        if (stored is null)
        {
            logger.PortalForeignId(member.AgencyClientId, member.UserId);
            return NotFound();
        }

        return File(System.Text.Encoding.ASCII.GetBytes(stored.SignedAnswer), "application/jose", "inquiry-" + stored.InquiryId + ".jws");
    }

    private static bool MayAsk(AgencyCaller caller) => caller.Has(AgencyScopes.Verify) || caller.Has(AgencyScopes.Person);

    private IActionResult Inactive()
    {
        logger.PortalAgencyInactive(member.AgencyClientId, member.UserId);
        return Forbid(AgencyPortalDefaults.Scheme);
    }

    private static AgencyInquiryForm Echo(AgencyInquiryForm form) => new()
    {
        NationalCode = Cut(form.NationalCode),
        CertificateNumber = Cut(form.CertificateNumber),
        FirstName = Cut(form.FirstName),
        LastName = Cut(form.LastName),
        Purpose = Cut(form.Purpose),
        CaseReference = Cut(form.CaseReference),
        OfficerId = Cut(form.OfficerId),
    };

    private static string? Cut(string? value) => value is { Length: > MaxEcho } ? value[..MaxEcho] : value;
}
