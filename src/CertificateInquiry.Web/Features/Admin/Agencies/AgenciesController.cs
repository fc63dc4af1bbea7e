using System.Globalization;
using CertificateInquiry.Web.Features.Shared;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Admin.Agencies;

/// <summary>
/// /admin/agencies: the agencies that inquire through the API (ADR-023). A national admin lists and searches them,
/// registers one (its client id and first secret are shown once, in that response only), changes its scopes, quota,
/// expiry and contact, issues a new secret (a rotation) or revokes one, suspends and reinstates it, and registers its
/// public keys for signed client assertions. Every change is audited; secrets are never stored, logged or shown again.
/// </summary>
[Route("admin/agencies")]
public sealed class AgenciesController(
    AgencyAdministration administration,
    IValidator<AgencyInput> validator,
    IValidator<SuspendAgencyInput> suspendValidator,
    TimeProvider clock) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AgencyListQuery query, CancellationToken cancellationToken)
    {
        query.Normalize();
        var (rows, paging) = await administration.ListAsync(query.Q, query.Page, cancellationToken);
        return View(new AgenciesPage(query, rows, paging, IranTime.Today(clock)));
    }

    [HttpGet("new")]
    public IActionResult New() => View(new AgencyInput());

    [HttpPost("new")]
    public async Task<IActionResult> New([FromForm] AgencyInput input, CancellationToken cancellationToken)
    {
        input.Version = null;
        input.Normalize();
        ModelState.Clear(); // model binding's own messages are English; the validator says it in Persian
        ModelState.AddErrors(await validator.ValidateAsync(input, cancellationToken));
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var issued = await administration.RegisterAsync(input.ToAgency(), cancellationToken);

        // Shown in this response only: no redirect to a page that could show it again, no TempData, never in an
        // address; back-office pages are not cached (no-store).
        var agency = (await administration.FindAsync(issued.AgencyId, cancellationToken))!;
        return View("Created", new AgencySecretPage(agency, issued.ClientSecret, IsNewAgency: true));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id, string? done, CancellationToken cancellationToken)
    {
        var agency = await administration.FindAsync(id, cancellationToken);
        if (agency is null)
        {
            return NotFound();
        }

        return View(await DetailsPageAsync(agency, AgencyInput.From(agency), AgencyDone.Message(done), cancellationToken));
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Details(int id, [FromForm] AgencyInput input, CancellationToken cancellationToken)
    {
        var agency = await administration.FindAsync(id, cancellationToken);
        if (agency is null)
        {
            return NotFound();
        }

        input.Normalize();
        ModelState.Clear();
        if (input.Version is not { } version)
        {
            ModelState.AddModelError("", AgencyAdministration.ChangedMeanwhile);
        }
        else
        {
            ModelState.AddErrors(await validator.ValidateAsync(input, cancellationToken));
            if (ModelState.IsValid)
            {
                if (await administration.UpdateAsync(agency, version, input.ToAgency(), cancellationToken))
                {
                    return Redirect($"/admin/agencies/{Id(id)}?done={AgencyDone.Saved}");
                }

                ModelState.AddModelError("", AgencyAdministration.ChangedMeanwhile);
            }
        }

        // What the admin typed stays in the form; the agency as it is now is shown above it. The form then carries
        // the current version, so saving it again is a deliberate overwrite.
        var current = (await administration.FindAsync(id, cancellationToken))!;
        input.Version = current.Version;
        return View(await DetailsPageAsync(current, input, done: null, cancellationToken));
    }

    /// <summary>A new secret (a rotation), shown in this response only; the older ones end after the overlap.</summary>
    [HttpPost("{id:int}/secrets")]
    public async Task<IActionResult> IssueSecret(int id, CancellationToken cancellationToken)
    {
        var agency = await administration.FindAsync(id, cancellationToken);
        if (agency is null || await administration.IssueSecretAsync(agency, cancellationToken) is not { } issued)
        {
            return NotFound();
        }

        return View("Created", new AgencySecretPage((await administration.FindAsync(id, cancellationToken))!, issued.ClientSecret, IsNewAgency: false));
    }

    [HttpGet("{id:int}/secrets/{secretId:long}/revoke")]
    public async Task<IActionResult> Revoke(int id, long secretId, CancellationToken cancellationToken)
    {
        var agency = await administration.FindAsync(id, cancellationToken);
        var secret = agency is null ? null : (await administration.SecretsAsync(id, cancellationToken)).FirstOrDefault(s => s.Id == secretId);
        if (agency is null || secret is null)
        {
            return NotFound();
        }

        return View(new AgencyRevokePage(agency, secret, clock.GetUtcNow().UtcDateTime));
    }

    [HttpPost("{id:int}/secrets/{secretId:long}/revoke")]
    public async Task<IActionResult> RevokeSecret(int id, long secretId, CancellationToken cancellationToken)
    {
        var agency = await administration.FindAsync(id, cancellationToken);
        if (agency is null)
        {
            return NotFound();
        }

        if (!await administration.RevokeSecretAsync(agency, secretId, cancellationToken))
        {
            return await RefusedAsync(agency, "", AgencyAdministration.NoSuchSecret, cancellationToken);
        }

        return Redirect($"/admin/agencies/{Id(id)}?done={AgencyDone.Revoked}");
    }

    [HttpPost("{id:int}/suspend")]
    public async Task<IActionResult> Suspend(int id, [FromForm] SuspendAgencyInput input, CancellationToken cancellationToken)
    {
        var agency = await administration.FindAsync(id, cancellationToken);
        if (agency is null)
        {
            return NotFound();
        }

        input.Normalize();
        ModelState.Clear();
        var result = await suspendValidator.ValidateAsync(input, cancellationToken);
        if (!result.IsValid)
        {
            return await RefusedAsync(agency, nameof(input.Reason), result.Errors[0].ErrorMessage, cancellationToken, input.Reason);
        }

        await administration.SuspendAsync(agency, input.Reason!, cancellationToken);
        return Redirect($"/admin/agencies/{Id(id)}?done={AgencyDone.Suspended}");
    }

    [HttpPost("{id:int}/reinstate")]
    public async Task<IActionResult> Reinstate(int id, CancellationToken cancellationToken)
    {
        var agency = await administration.FindAsync(id, cancellationToken);
        if (agency is null)
        {
            return NotFound();
        }

        await administration.ReinstateAsync(agency, cancellationToken);
        return Redirect($"/admin/agencies/{Id(id)}?done={AgencyDone.Reinstated}");
    }

    [HttpPost("{id:int}/keys")]
    public async Task<IActionResult> Keys(int id, [FromForm] string? jwks, CancellationToken cancellationToken)
    {
        var agency = await administration.FindAsync(id, cancellationToken);
        if (agency is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        if (await administration.SetPublicKeysAsync(agency, jwks, cancellationToken) is { } refusal)
        {
            // The refused text is not sent back into the page: it may hold a private key.
            return await RefusedAsync(agency, "Jwks", refusal, cancellationToken);
        }

        return Redirect($"/admin/agencies/{Id(id)}?done={(string.IsNullOrWhiteSpace(jwks) ? AgencyDone.KeysRemoved : AgencyDone.KeysSaved)}");
    }

    /// <summary>The agency's page again, saying why a button's action was not done.</summary>
    private async Task<IActionResult> RefusedAsync(
        AgencySummary agency, string field, string message, CancellationToken cancellationToken, string? reason = null)
    {
        ModelState.AddModelError(field, message);
        var current = (await administration.FindAsync(agency.Id, cancellationToken))!;
        var page = await DetailsPageAsync(current, AgencyInput.From(current), done: null, cancellationToken);
        return View(nameof(Details), page with { SuspensionReason = reason });
    }

    private async Task<AgencyPage> DetailsPageAsync(AgencySummary agency, AgencyInput input, string? done, CancellationToken cancellationToken)
    {
        var jwks = await administration.PublicKeysAsync(agency.ClientId, cancellationToken);
        return new AgencyPage(
            agency, input, await administration.SecretsAsync(agency.Id, cancellationToken), jwks, AgencyAdministration.KeyIds(jwks),
            done, clock.GetUtcNow().UtcDateTime, IranTime.Today(clock));
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The confirmations shown after a change, named in the address the change redirects to.</summary>
public static class AgencyDone
{
    public const string Saved = "saved";
    public const string Revoked = "revoked";
    public const string Suspended = "suspended";
    public const string Reinstated = "reinstated";
    public const string KeysSaved = "keys-saved";
    public const string KeysRemoved = "keys-removed";

    public static string? Message(string? done) => done switch
    {
        Saved => "تغییرها ذخیره شد و از درخواست بعدی دستگاه اعمال می‌شود.",
        Revoked => "رمز باطل شد. از همین حالا هیچ توکنی با آن داده نمی‌شود.",
        Suspended => "دستگاه تعلیق شد. از همین حالا توکنی به آن داده نمی‌شود و توکن‌هایی که دارد پذیرفته نمی‌شوند.",
        Reinstated => "تعلیق برداشته شد. دستگاه می‌تواند دوباره با رمزهای زنده خود توکن بگیرد.",
        KeysSaved => "کلیدهای عمومی ثبت شد. دستگاه می‌تواند با ادعای امضاشده (private_key_jwt) توکن بگیرد.",
        KeysRemoved => "کلیدهای عمومی برداشته شد. ادعاهای امضاشده این دستگاه دیگر پذیرفته نمی‌شود.",
        _ => null,
    };
}

public sealed record AgenciesPage(AgencyListQuery Query, IReadOnlyList<AgencySummary> Agencies, Paging Paging, DateOnly Today)
{
    /// <summary>The list's address with the current search and another page number.</summary>
    public string PageUrl(int page) => "/admin/agencies" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = string.IsNullOrEmpty(Query.Q) ? null : Query.Q,
        ["page"] = page.ToString(CultureInfo.InvariantCulture),
    }.Where(pair => pair.Value is not null)).ToUriComponent();

    public bool IsFiltered => !string.IsNullOrEmpty(Query.Q);
}

/// <summary>
/// The agency with a secret just made (<paramref name="IsNewAgency"/>: its first, at registration; else a rotation's),
/// shown this once.
/// </summary>
public sealed record AgencySecretPage(AgencySummary Agency, string ClientSecret, bool IsNewAgency);

/// <summary>The confirmation before a secret is revoked.</summary>
public sealed record AgencyRevokePage(AgencySummary Agency, AgencySecretRow Secret, DateTime NowUtc);

/// <summary>
/// An agency's page: the agency as it is, the edit form, its secrets, suspension, and public keys; <paramref name="Done"/>
/// confirms the last change; <paramref name="SuspensionReason"/> is the reason typed in a refused suspension form.
/// </summary>
public sealed record AgencyPage(
    AgencySummary Agency,
    AgencyInput Input,
    IReadOnlyList<AgencySecretRow> Secrets,
    string? Jwks,
    IReadOnlyList<string> KeyIds,
    string? Done,
    DateTime NowUtc,
    DateOnly Today,
    string? SuspensionReason = null);
