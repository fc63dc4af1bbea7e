using System.Globalization;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.Shared;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Staff.Audit;

/// <summary>The staff audit trail for national admins: who did what and when, newest first, filtered and paged.</summary>
[Route("admin/audit")]
[Authorize(Policy = StaffPolicies.NationalAdmin)]
public sealed class StaffAuditController(AppDbContext db) : StaffController
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditQuery query, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        query.Normalize();
        var entries = db.StaffAudit.AsNoTracking();
        if (!string.IsNullOrEmpty(query.User))
        {
            entries = entries.Where(e => e.UserId == query.User);
        }

        if (!string.IsNullOrEmpty(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }

        if (ModelState.ParseFilterDate(query.From, nameof(query.From), "تاریخ آغاز") is { } from)
        {
            var fromUtc = IranTime.StartOfDayUtc(from);
            entries = entries.Where(e => e.AtUtc >= fromUtc);
        }

        if (ModelState.ParseFilterDate(query.To, nameof(query.To), "تاریخ پایان") is { } to)
        {
            var beforeUtc = IranTime.StartOfDayUtc(to.AddDays(1));
            entries = entries.Where(e => e.AtUtc < beforeUtc);
        }

        if (!string.IsNullOrEmpty(query.Request))
        {
            if (long.TryParse(query.Request, NumberStyles.None, CultureInfo.InvariantCulture, out var requestId))
            {
                var subjectId = requestId.ToString(CultureInfo.InvariantCulture);
                entries = entries.Where(e => e.SubjectType == "Request" && e.SubjectId == subjectId);
            }
            else
            {
                ModelState.AddModelError(nameof(query.Request), "شناسه درخواست را با رقم وارد کنید.");
            }
        }

        var paging = Paging.For(query.Page, PageSize, await entries.CountAsync(cancellationToken));
        var rows = await entries.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Page(paging)
            .ToListAsync(cancellationToken);
        var users = await db.StaffAudit.AsNoTracking().GroupBy(e => e.UserId)
            .Select(g => new { UserId = g.Key, UserName = g.Max(e => e.UserName) })
            .ToListAsync(cancellationToken);
        var actions = await db.StaffAudit.AsNoTracking().Select(e => e.Action).Distinct().ToListAsync(cancellationToken);

        return View(new AuditPage(
            query,
            rows,
            paging,
            users.OrderBy(u => u.UserName, StringComparer.Ordinal).Select(u => (u.UserId, u.UserName ?? u.UserId)).ToList(),
            actions.Select(a => (a, StaffAuditText.Action(a))).OrderBy(a => a.Item2, StringComparer.Ordinal).ToList(),
            await SubjectNamesAsync(rows, cancellationToken)));
    }

    /// <summary>What the page's entries act on, by name: staff members' display names and certificates' numbers.</summary>
    private async Task<AuditSubjects> SubjectNamesAsync(IReadOnlyList<StaffAuditEntry> rows, CancellationToken cancellationToken)
    {
        var userIds = rows.Where(e => e.SubjectType == "StaffUser" && e.SubjectId is not null).Select(e => e.SubjectId!).Distinct().ToList();
        var certificateIds = rows.Where(e => e.SubjectType == "Certificate")
            .Select(e => long.TryParse(e.SubjectId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).Distinct().ToList();
        var users = userIds.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .Select(u => new { u.Id, u.FullName, u.Email }).ToListAsync(cancellationToken);
        var certificates = certificateIds.Count == 0
            ? []
            : await db.Certificates.AsNoTracking().Where(c => certificateIds.Contains(c.Id))
                .Select(c => new { c.Id, c.Number }).ToListAsync(cancellationToken);
        return new AuditSubjects(
            users.ToDictionary(u => u.Id, u => string.IsNullOrEmpty(u.FullName) ? u.Email ?? "کاربر بی‌نام" : u.FullName, StringComparer.Ordinal),
            certificates.ToDictionary(c => c.Id.ToString(CultureInfo.InvariantCulture), c => c.Number, StringComparer.Ordinal));
    }
}

/// <summary>The trail's filters, from the query string.</summary>
public sealed class AuditQuery
{
    public string? User { get; set; }

    public string? Action { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    /// <summary>A request's id (as in /admin/requests/{id}).</summary>
    public string? Request { get; set; }

    /// <summary>The page as typed in the address; <see cref="Paging"/> reads and bounds it.</summary>
    public string? Page { get; set; }

    public void Normalize()
    {
        User = User?.Trim();
        Action = Action?.Trim();
        From = PersianText.NormalizeCode(From);
        To = PersianText.NormalizeCode(To);
        Request = PersianText.NormalizeCode(Request);
    }

    /// <summary>The address of one page of the trail with these filters.</summary>
    public string Url(int page)
    {
        var values = new Dictionary<string, string?>
        {
            [nameof(User)] = User,
            [nameof(Action)] = Action,
            [nameof(From)] = From,
            [nameof(To)] = To,
            [nameof(Request)] = Request,
            [nameof(Page)] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null,
        };
        return QueryHelpers.AddQueryString("/admin/audit", values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }
}

public sealed record AuditPage(
    AuditQuery Query,
    IReadOnlyList<StaffAuditEntry> Entries,
    Paging Paging,
    IReadOnlyList<(string Value, string Text)> Users,
    IReadOnlyList<(string Value, string Text)> Actions,
    AuditSubjects Subjects);

/// <summary>Names of the records the shown entries act on (ids are kept in the trail; people read names).</summary>
public sealed record AuditSubjects(IReadOnlyDictionary<string, string> UserNames, IReadOnlyDictionary<string, string> CertificateNumbers);
