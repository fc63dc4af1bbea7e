using CertificateInquiry.Web.Features.AgencyPortal.Users;
using CertificateInquiry.Web.Features.Shared;
using CertificateInquiry.Web.Infrastructure.Identity;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CertificateInquiry.Web.Features.Admin.Agencies;

/// <summary>
/// /admin/agencies/{id}/portal-users: a national admin sees the agency's agency portal users and creates an
/// administrator for it (its first, or a new one when the agency has lost its own), with a one-time password shown
/// once. The agency's administrator does the rest at /agency/users. Audited like every other change.
/// </summary>
[Route("admin/agencies/{id:int}/portal-users")]
public sealed class AgencyPortalUsersController(
    AgencyAdministration agencies,
    AgencyUserAdministration administration,
    IValidator<AgencyUserInput> validator) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id, CancellationToken cancellationToken)
    {
        var agency = await agencies.FindAsync(id, cancellationToken);
        return agency is null ? NotFound() : View("PortalUsers", await PageAsync(agency, new AgencyUserInput(), cancellationToken));
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(int id, [FromForm] AgencyUserInput input, CancellationToken cancellationToken)
    {
        var agency = await agencies.FindAsync(id, cancellationToken);
        if (agency is null)
        {
            return NotFound();
        }

        input.Normalize();
        input.Role = AgencyRoles.Administrator;
        input.ConcurrencyStamp = null;
        ModelState.Clear();
        ModelState.AddErrors(await validator.ValidateAsync(input, cancellationToken));
        if (ModelState.IsValid)
        {
            var (user, password, errors) = await administration.CreateAsync(agency.Id, agency.Name, input, cancellationToken);
            if (user is not null)
            {
                // Shown in this response only (back-office pages are never cached).
                var created = (await administration.FindAsync(agency.Id, user.Id, cancellationToken))!;
                return View("PortalUserCreated", new AgencyPortalUserCreatedPage(agency, created, password!));
            }

            foreach (var error in errors)
            {
                ModelState.AddModelError(error.Field ?? "", error.Message);
            }
        }

        return View("PortalUsers", await PageAsync(agency, input, cancellationToken));
    }

    private async Task<AgencyPortalUsersPage> PageAsync(AgencySummary agency, AgencyUserInput input, CancellationToken cancellationToken) =>
        new(agency, await administration.ListAsync(agency.Id, cancellationToken), input);
}

/// <summary>The agency's portal users and the form for a new administrator.</summary>
public sealed record AgencyPortalUsersPage(AgencySummary Agency, IReadOnlyList<AgencyUserSummary> Users, AgencyUserInput Input);

/// <summary>The new administrator and their one-time password, shown this once.</summary>
public sealed record AgencyPortalUserCreatedPage(AgencySummary Agency, AgencyUserSummary User, string OneTimePassword);
