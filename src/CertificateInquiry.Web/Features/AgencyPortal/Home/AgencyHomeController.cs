using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Features.Admin.Agencies;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.AgencyPortal.Home;

/// <summary>/agency: the portal's dashboard: the agency, what it may ask, today's quota, and where to go next.</summary>
[Route("agency")]
public sealed class AgencyHomeController(AgencyPortalMember member, AppDbContext db, TimeProvider clock) : AgencyPortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var caller = await member.CallerAsync(cancellationToken);
        if (caller is null)
        {
            return Forbid(); // suspended or expired since the policy looked: ends like any other refused session
        }

        var today = IranTime.Today(clock);
        var used = await db.AgencyDailyUsage.AsNoTracking()
            .Where(u => u.AgencyClientId == caller.Agency.Id && u.Day == today)
            .Select(u => (int?)u.Rows)
            .SingleOrDefaultAsync(cancellationToken) ?? 0;
        return View(new AgencyHomePage(
            caller.Agency.Name, member.FullName, AgencyTexts.Scopes(caller.Scopes), caller.Scopes,
            caller.Agency.DailyRowQuota, Math.Min(used, caller.Agency.DailyRowQuota), caller.Agency.ExpiresOn, member.IsAdministrator));
    }
}
