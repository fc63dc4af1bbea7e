using System.Globalization;
using CertificateInquiry.Web.Features.Shared;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Admin.Certificates;

/// <summary>
/// /admin/certificates: a national admin finds a certificate or license by its number, revokes it (with a reason) or
/// restores it, and pages through the revoked ones. The online lookup and verification show the new status at once.
/// </summary>
[Route("admin/certificates")]
public sealed class CertificateRevocationsController(
    CertificateRevocations revocations,
    IValidator<RevokeInput> revokeValidator,
    IValidator<RestoreInput> restoreValidator) : AdminController
{
    public const string NumberField = "number";
    public const string NumberRequired = "شماره گواهینامه یا پروانه را وارد کنید.";
    public const string NotFoundMessage = "گواهینامه یا پروانه‌ای با این شماره پیدا نشد. شماره را دوباره بررسی کنید.";

    /// <summary>The search form (a GET: a certificate number is not personal data) and the revoked list.</summary>
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = NumberField)] string? number, string? page, CancellationToken cancellationToken)
    {
        var searched = Request.Query.ContainsKey(NumberField);
        var normalized = PersianText.NormalizeCode(number);
        if (searched)
        {
            if (normalized.Length == 0)
            {
                ModelState.AddModelError(NumberField, NumberRequired);
            }
            else if (await revocations.FindIdAsync(normalized, cancellationToken) is { } id)
            {
                return Redirect("/admin/certificates/" + id.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                ModelState.AddModelError(NumberField, NotFoundMessage);
            }
        }

        var (rows, paging) = await revocations.RevokedAsync(page, cancellationToken);
        return View(new RevokedCertificatesPage(number, rows, paging));
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Details(long id, string? done, CancellationToken cancellationToken) =>
        await PageAsync(id, RevocationDone.Message(done), new RevokeInput(), new RestoreInput(), cancellationToken);

    [HttpPost("{id:long}/revoke")]
    public async Task<IActionResult> Revoke(long id, [FromForm] RevokeInput input, CancellationToken cancellationToken)
    {
        input.Normalize();
        ModelState.Clear();
        ModelState.AddErrors(await revokeValidator.ValidateAsync(input, cancellationToken));
        if (!ModelState.IsValid)
        {
            return await PageAsync(id, null, input, new RestoreInput(), cancellationToken);
        }

        return await OutcomeAsync(id, await revocations.RevokeAsync(id, input.Reason!, cancellationToken), RevocationDone.Revoked,
            "این گواهینامه پیش‌تر ابطال شده است؛ شاید مدیر دیگری هم‌زمان آن را ابطال کرده باشد.", input, new RestoreInput(), cancellationToken);
    }

    [HttpPost("{id:long}/restore")]
    public async Task<IActionResult> Restore(long id, [FromForm] RestoreInput input, CancellationToken cancellationToken)
    {
        input.Normalize();
        ModelState.Clear();
        ModelState.AddErrors(await restoreValidator.ValidateAsync(input, cancellationToken));
        if (!ModelState.IsValid)
        {
            return await PageAsync(id, null, new RevokeInput(), input, cancellationToken);
        }

        return await OutcomeAsync(id, await revocations.RestoreAsync(id, input.Reason, cancellationToken), RevocationDone.Restored,
            "این گواهینامه هم‌اکنون معتبر است؛ شاید مدیر دیگری هم‌زمان آن را بازگردانده باشد.", new RevokeInput(), input, cancellationToken);
    }

    private async Task<IActionResult> OutcomeAsync(
        long id, RevocationOutcome outcome, string done, string alreadyThere, RevokeInput revoke, RestoreInput restore, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case RevocationOutcome.Done:
                return Redirect($"/admin/certificates/{id.ToString(CultureInfo.InvariantCulture)}?done={done}");
            case RevocationOutcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError("", alreadyThere);
                return await PageAsync(id, null, revoke, restore, cancellationToken);
        }
    }

    private async Task<IActionResult> PageAsync(long id, string? done, RevokeInput revoke, RestoreInput restore, CancellationToken cancellationToken)
    {
        var certificate = await revocations.FindAsync(id, cancellationToken);
        if (certificate is null)
        {
            return NotFound();
        }

        return View("Details", new CertificateRevocationPage(
            certificate, await revocations.HistoryAsync(id, cancellationToken), revoke, restore, done, await revocations.ChangesAsync(id, cancellationToken)));
    }
}

public static class RevocationDone
{
    public const string Revoked = "revoked";
    public const string Restored = "restored";

    public static string? Message(string? done) => done switch
    {
        Revoked => "گواهینامه ابطال شد. از همین حالا استعلام برخط و صفحه تأیید آن را «ابطال‌شده» نشان می‌دهند.",
        Restored => "گواهینامه دوباره معتبر شد. از همین حالا استعلام برخط آن را «معتبر» نشان می‌دهد.",
        _ => null,
    };
}

public sealed record RevokedCertificatesPage(string? Number, IReadOnlyList<RevokedCertificateRow> Rows, Paging Paging)
{
    public static string PageUrl(int page) => "/admin/certificates?page=" + page.ToString(CultureInfo.InvariantCulture);
}

public sealed record CertificateRevocationPage(
    CertificateSummary Certificate, IReadOnlyList<CertificateHistoryEntry> History, RevokeInput Revoke, RestoreInput Restore, string? Done,
    IReadOnlyList<Staff.Corrections.CertificateChangeRow> Changes);
