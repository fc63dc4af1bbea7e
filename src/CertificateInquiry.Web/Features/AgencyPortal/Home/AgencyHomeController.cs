using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
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

        // The rows answered today, as the inquiry audit has them (a second or so behind), not AgencyDailyUsage: servers
        // reserve quota there in blocks of up to 10,000 rows ahead of use (ADR-026).
        var today = IranTime.Today(clock);
        var (from, to) = (IranTime.StartOfDayUtc(today), IranTime.StartOfDayUtc(today.AddDays(1)));
        var used = await db.InquiryAudit.AsNoTracking()
            .CountAsync(e => e.AgencyClientId == caller.Agency.Id && e.OccurredAtUtc >= from && e.OccurredAtUtc < to
                && e.Outcome != InquiryOutcome.Invalid
                && (e.Channel == InquiryChannel.AgencyApi || e.Channel == InquiryChannel.AgencyPortal || e.Channel == InquiryChannel.AgencyBatch), cancellationToken);
        return View(new AgencyHomePage(
            caller.Agency.Name, member.FullName, AgencyTexts.Scopes(caller.Scopes), caller.Scopes,
            caller.Agency.DailyRowQuota, Math.Min(used, caller.Agency.DailyRowQuota), caller.Agency.ExpiresOn, member.IsAdministrator));
    }
}
