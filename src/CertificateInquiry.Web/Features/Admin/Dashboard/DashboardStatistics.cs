using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Admin.Dashboard;

public sealed record StatusCount(RequestStatus Status, int Count);

public sealed record ProvinceCount(int ProvinceId, string ProvinceName, int Total, int Open);

/// <summary>Online inquiries of one Iran day: all of them, and those that found a record.</summary>
public sealed record LookupDay(DateOnly Date, int Total, int Found);

/// <summary>The median days from submission to answer over the answers of the period, and how many answers that is.</summary>
public sealed record AnswerTime(double MedianDays, int Answers);

/// <summary>
/// What the dashboard shows, already limited to what the signed-in person may see: a national admin every province,
/// a provincial manager their own (<see cref="ProvinceName"/> is then their province).
/// </summary>
public sealed record DashboardFigures(
    string? ProvinceName,
    DateOnly Today,
    IReadOnlyList<StatusCount> ByStatus,
    IReadOnlyList<ProvinceCount> ByProvince,
    int Open,
    int Overdue,
    AnswerTime? AnswerTime,
    IReadOnlyList<LookupDay> LookupsPerDay)
{
    public bool AllProvinces => ProvinceName is null;
}

/// <summary>
/// The dashboard's numbers. Every request query goes through <see cref="StaffScope.Restrict{T}"/>, so a manager's
/// figures are their province's only. Online lookups carry no province: a national admin sees them all, a manager only
/// those that found a certificate of their province.
/// </summary>
public sealed class DashboardStatistics(AppDbContext db, StaffScope scope, TimeProvider clock)
{
    /// <summary>The period of the median time to answer.</summary>
    public const int AnswerPeriodDays = 90;

    /// <summary>The days of the lookups chart, today included.</summary>
    public const int LookupDays = 30;

    /// <summary>The inquiries counted as online lookups (a report download repeats a lookup; tracking is not a lookup).</summary>
    private static readonly InquiryChannel[] LookupChannels = [InquiryChannel.CertificateLookup, InquiryChannel.LicenseCheck, InquiryChannel.Verification];

    public async Task<DashboardFigures> ComputeAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = IranTime.Today(clock);
        var requests = scope.Restrict(db.Requests.AsNoTracking(), r => r.ProvinceId).Where(r => r.Status != RequestStatus.Draft);

        var byStatus = await requests.GroupBy(r => r.Status)
            .Select(g => new StatusCount(g.Key, g.Count()))
            .ToListAsync(cancellationToken);
        var byStatusInOrder = Enum.GetValues<RequestStatus>().Where(s => s != RequestStatus.Draft)
            .Select(s => byStatus.FirstOrDefault(c => c.Status == s) ?? new StatusCount(s, 0))
            .ToList();

        var byProvince = (await requests.Where(r => r.ProvinceId != null)
                .GroupBy(r => r.ProvinceId!.Value)
                .Select(g => new { ProvinceId = g.Key, Total = g.Count(), Open = g.Count(r => r.Status != RequestStatus.Answered) })
                .ToListAsync(cancellationToken))
            .Select(p => new ProvinceCount(p.ProvinceId, ProvinceOptions.NameOf(p.ProvinceId) ?? "", p.Total, p.Open))
            .OrderByDescending(p => p.Total).ThenBy(p => p.ProvinceName, Comparer<string>.Create(ProvinceOptions.ComparePersian))
            .ToList();

        var overdue = await requests.CountAsync(r => r.Status != RequestStatus.Answered && r.DueOn < today, cancellationToken);

        return new DashboardFigures(
            ProvinceOptions.NameOf(scope.ProvinceId),
            today,
            byStatusInOrder,
            byProvince,
            byStatusInOrder.Where(s => s.Status != RequestStatus.Answered).Sum(s => s.Count),
            overdue,
            await AnswerTimeAsync(requests, now, cancellationToken),
            await LookupsPerDayAsync(now, today, cancellationToken));
    }

    /// <summary>
    /// The median of submission → answer in days over the answers of the last 90 days. Neither provider has a median
    /// aggregate that EF translates, so the pairs of times are read (a few thousand at most) and the median taken here.
    /// </summary>
    private static async Task<AnswerTime?> AnswerTimeAsync(IQueryable<InquiryRequest> requests, DateTime now, CancellationToken cancellationToken)
    {
        var since = now.AddDays(-AnswerPeriodDays);
        var answered = await requests
            .Where(r => r.AnsweredAtUtc >= since && r.SubmittedAtUtc != null)
            .Select(r => new { Submitted = r.SubmittedAtUtc!.Value, Answered = r.AnsweredAtUtc!.Value })
            .ToListAsync(cancellationToken);
        if (answered.Count == 0)
        {
            return null;
        }

        var days = answered.Select(r => (r.Answered - r.Submitted).TotalDays).Order().ToList();
        var middle = days.Count / 2;
        var median = days.Count % 2 == 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2;
        return new AnswerTime(median, days.Count);
    }

    /// <summary>
    /// Online lookups per Iran day for the last 30 days, grouped by the database. Instants are shifted by Iran's offset
    /// now (+03:30 all year since 1401, when Iran stopped daylight saving) before taking the date; should Iran move its
    /// clocks again, a day's edge in this chart would be an hour out, no more.
    /// </summary>
    private async Task<IReadOnlyList<LookupDay>> LookupsPerDayAsync(DateTime now, DateOnly today, CancellationToken cancellationToken)
    {
        var offsetMinutes = (IranTime.ToIranTime(now) - now).TotalMinutes;
        var firstDay = today.AddDays(-(LookupDays - 1));
        var sinceUtc = DateTime.SpecifyKind(firstDay.ToDateTime(TimeOnly.MinValue).AddMinutes(-offsetMinutes), DateTimeKind.Utc);

        var lookups = db.InquiryAudit.AsNoTracking()
            .Where(e => e.OccurredAtUtc >= sinceUtc && LookupChannels.Contains(e.Channel));
        if (!scope.IsNationalAdmin)
        {
            // A miss names no certificate, so no province: a manager sees the lookups that found one of theirs.
            var provinceId = scope.ProvinceId;
            lookups = lookups.Where(e => e.Outcome == InquiryOutcome.Match
                && db.Certificates.Any(c => c.Id == e.CertificateId && c.ProvinceId == provinceId));
        }

        var perDay = await lookups
            .GroupBy(e => e.OccurredAtUtc.AddMinutes(offsetMinutes).Date)
            .Select(g => new { Day = g.Key, Total = g.Count(), Found = g.Count(e => e.Outcome == InquiryOutcome.Match) })
            .ToListAsync(cancellationToken);
        var byDay = perDay.ToDictionary(d => DateOnly.FromDateTime(d.Day));

        return [.. Enumerable.Range(0, LookupDays).Select(i =>
        {
            var day = firstDay.AddDays(i);
            return byDay.TryGetValue(day, out var counts) ? new LookupDay(day, counts.Total, counts.Found) : new LookupDay(day, 0, 0);
        })];
    }
}
