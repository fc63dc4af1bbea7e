using CertificateInquiry.Web.Features.Shared;
using CertificateInquiry.Web.Infrastructure.Identity;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.AgencyPortal.Users;

/// <summary>
/// /agency/users: the agency's administrator manages the agency's own portal users: the list, a new officer or
/// administrator (the portal makes up a one-time password, shown in that response only), name and role, deactivating
/// and reactivating, resetting the password or the authenticator. Strictly within their own agency: another agency's
/// user id is a 404. Each change is audited and ends the user's open session at its next request.
/// </summary>
[Route("agency/users")]
[Authorize(Policy = AgencyPortalPolicies.Administrator)]
public sealed class AgencyUsersController(
    AgencyUserAdministration administration,
    AgencyPortalMember member,
    IValidator<AgencyUserInput> validator) : AgencyPortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? done, CancellationToken cancellationToken) =>
        View(new AgencyUsersPage(await administration.ListAsync(member.AgencyClientId, cancellationToken), member.UserId, AgencyUserDone.Message(done)));

    [HttpGet("new")]
    public IActionResult New() => View(new AgencyUserInput { Role = AgencyRoles.Officer });

    [HttpPost("new")]
    public async Task<IActionResult> New([FromForm] AgencyUserInput input, CancellationToken cancellationToken)
    {
        input.Normalize();
        input.ConcurrencyStamp = null;
        ModelState.Clear(); // model binding's own messages are English; the validator says it in Persian
        ModelState.AddErrors(await validator.ValidateAsync(input, cancellationToken));
        var caller = await member.CallerAsync(cancellationToken);
        if (caller is null)
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            var (user, password, errors) = await administration.CreateAsync(member.AgencyClientId, caller.Agency.Name, input, cancellationToken);
            if (user is not null)
            {
                // Shown in this response only: no redirect to a page that could show it again, and never cached.
                return View("Created", new AgencyUserPasswordPage((await administration.FindAsync(member.AgencyClientId, user.Id, cancellationToken))!, password!, IsNew: true));
            }

            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field ?? "", error.Message);
            }
        }

        return View(input);
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Details(string id, string? done, CancellationToken cancellationToken)
    {
        var user = await administration.FindAsync(member.AgencyClientId, id, cancellationToken);
        return user is null ? NotFound() : View(DetailsPage(user, InputOf(user), AgencyUserDone.Message(done)));
    }

    [HttpPost("{id}")]
    public async Task<IActionResult> Details(string id, [FromForm] AgencyUserInput input, CancellationToken cancellationToken)
    {
        var user = await administration.LoadAsync(member.AgencyClientId, id);
        if (user is null)
        {
            return NotFound();
        }

        input.Normalize();
        input.Email = null;
        input.ConcurrencyStamp ??= "";
        ModelState.Clear();
        ModelState.AddErrors(await validator.ValidateAsync(input, cancellationToken));
        if (ModelState.IsValid)
        {
            var errors = await administration.UpdateAsync(user, input, member.UserId, cancellationToken);
            if (errors.Count == 0)
            {
                return Redirect($"/agency/users/{Uri.EscapeDataString(id)}?done={AgencyUserDone.Saved}");
            }

            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field ?? "", error.Message);
            }
        }

        // What the administrator typed stays in the form; the account as it is now is shown above it. A form posted
        // again after a conflict carries the current stamp, so saving it then is a deliberate overwrite.
        var current = (await administration.FindAsync(member.AgencyClientId, id, cancellationToken))!;
        input.ConcurrencyStamp = current.ConcurrencyStamp;
        return View(DetailsPage(current, input, done: null));
    }

    [HttpPost("{id}/deactivate")]
    public Task<IActionResult> Deactivate(string id, CancellationToken cancellationToken) =>
        ActAsync(id, AgencyUserDone.Deactivated, user => administration.DeactivateAsync(user, member.UserId, cancellationToken), cancellationToken);

    [HttpPost("{id}/reactivate")]
    public Task<IActionResult> Reactivate(string id, CancellationToken cancellationToken) =>
        ActAsync(id, AgencyUserDone.Reactivated, user => administration.ReactivateAsync(user, cancellationToken), cancellationToken);

    [HttpPost("{id}/reset-two-factor")]
    public Task<IActionResult> ResetTwoFactor(string id, CancellationToken cancellationToken) =>
        ActAsync(id, AgencyUserDone.TwoFactorReset, user => administration.ResetTwoFactorAsync(user, member.UserId, cancellationToken), cancellationToken);

    /// <summary>A one-time password, shown in this response only; the owner must change it at the next sign-in.</summary>
    [HttpPost("{id}/reset-password")]
    public async Task<IActionResult> ResetPassword(string id, CancellationToken cancellationToken)
    {
        var user = await administration.LoadAsync(member.AgencyClientId, id);
        if (user is null)
        {
            return NotFound();
        }

        var (password, errors) = await administration.ResetPasswordAsync(user, member.UserId, cancellationToken);
        if (password is null)
        {
            return await RefusedAsync(id, errors[0], cancellationToken);
        }

        return View("Created", new AgencyUserPasswordPage((await administration.FindAsync(member.AgencyClientId, id, cancellationToken))!, password, IsNew: false));
    }

    private async Task<IActionResult> ActAsync(
        string id, string done, Func<Infrastructure.Identity.StaffUser, Task<IReadOnlyList<AgencyUserError>>> action, CancellationToken cancellationToken)
    {
        var user = await administration.LoadAsync(member.AgencyClientId, id);
        if (user is null)
        {
            return NotFound();
        }

        if (await action(user) is [var error, ..])
        {
            return await RefusedAsync(id, error, cancellationToken);
        }

        return Redirect($"/agency/users/{Uri.EscapeDataString(id)}?done={done}");
    }

    private async Task<IActionResult> RefusedAsync(string id, AgencyUserError error, CancellationToken cancellationToken)
    {
        ModelState.AddModelError("", error.Message);
        var current = (await administration.FindAsync(member.AgencyClientId, id, cancellationToken))!;
        return View(nameof(Details), DetailsPage(current, InputOf(current), done: null));
    }

    private AgencyUserPage DetailsPage(AgencyUserSummary user, AgencyUserInput input, string? done) => new(user, input, user.Id == member.UserId, done);

    private static AgencyUserInput InputOf(AgencyUserSummary user) =>
        new() { FullName = user.FullName, Role = user.Role, ConcurrencyStamp = user.ConcurrencyStamp };
}
