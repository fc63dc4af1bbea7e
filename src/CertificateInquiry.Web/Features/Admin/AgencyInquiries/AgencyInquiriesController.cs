using System.Globalization;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Features.Shared;
using CertificateInquiry.Web.Infrastructure.Audit;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Admin.AgencyInquiries;

/// <summary>
/// Who asked: every agency inquiry (API, batch rows, agency portal, paper letters) for national admins, by agency,
/// dates and the national code asked about. The code is never stored: the search hashes it with the audit's key and
/// finds the inquiries that carry the same hash (ADR-026).
/// </summary>
[Route(Path)]
public sealed class AgencyInquiriesController(AppDbContext db, InquiryAudit audit) : AdminController
{
    public const string Path = "/admin/agency-inquiries";
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AgencyInquiryQuery query, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        query.Normalize();
        var entries = db.InquiryAudit.AsNoTracking().Where(e => e.AgencyClientId != null || e.Channel == Domain.InquiryChannel.PaperLetter);
        if (!string.IsNullOrEmpty(query.Agency))
        {
            if (int.TryParse(query.Agency, NumberStyles.None, CultureInfo.InvariantCulture, out var agencyId))
            {
                entries = entries.Where(e => e.AgencyClientId == agencyId);
            }
            else
            {
                ModelState.AddModelError(nameof(query.Agency), "دستگاه را از فهرست برگزینید.");
            }
        }

        if (ModelState.ParseFilterDate(query.From, nameof(query.From), "تاریخ آغاز") is { } from)
        {
            var fromUtc = IranTime.StartOfDayUtc(from);
            entries = entries.Where(e => e.OccurredAtUtc >= fromUtc);
        }

        if (ModelState.ParseFilterDate(query.To, nameof(query.To), "تاریخ پایان") is { } to)
        {
            var beforeUtc = IranTime.StartOfDayUtc(to.AddDays(1));
            entries = entries.Where(e => e.OccurredAtUtc < beforeUtc);
        }

        if (!string.IsNullOrEmpty(query.NationalCode))
        {
            if (HolderIdentifier.IsValid(query.NationalCode))
            {
                var hash = audit.HashNationalCode(query.NationalCode);
                entries = entries.Where(e => e.NationalCodeHash == hash);
            }
            else
            {
                ModelState.AddModelError(nameof(query.NationalCode), HolderIdentifier.Refusal(query.NationalCode));
            }
        }

        if (!ModelState.IsValid)
        {
            entries = entries.Where(_ => false);
        }

        var paging = Paging.For(query.Page, PageSize, await entries.CountAsync(cancellationToken));
        var rows = await entries.OrderByDescending(e => e.OccurredAtUtc).ThenByDescending(e => e.Id)
            .Page(paging)
            .Select(e => new AgencyInquiryRow(
                e.OccurredAtUtc,
                db.AgencyClients.Where(a => a.Id == e.AgencyClientId).Select(a => a.Name).FirstOrDefault(),
                e.Channel,
                e.Outcome,
                e.Purpose,
                e.CaseReference,
                e.OfficerId,
                e.InquiryId))
            .ToListAsync(cancellationToken);
        var agencies = await db.AgencyClients.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        return View(new AgencyInquiriesPage(query, rows, paging,
            [.. agencies.Select(a => (a.Id.ToString(CultureInfo.InvariantCulture), a.Name))]));
    }
}
