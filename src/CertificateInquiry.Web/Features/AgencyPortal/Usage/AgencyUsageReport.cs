using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.AgencyPortal.Usage;

/// <summary>
/// An agency's usage per day (Iran time), counted by the database from the inquiry audit: one grouped query over the
/// agency's rows of the range (the index on agency and time serves it), grouped by the Iran day, the channel and the
/// outcome. The Iran day of an instant is its UTC time shifted by Iran's offset; the range is split where the offset
/// changes (Iran kept summer time until 1401), so every row lands on its own Iran day.
/// </summary>
public sealed class AgencyUsageReport(AppDbContext db)
{
    public async Task<AgencyUsage> ForAsync(int agencyClientId, int dailyQuota, AgencyUsageRange range, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(range);
        var counts = range.EachDay().ToDictionary(day => day, _ => new int[7]);
        foreach (var (first, last, offsetMinutes) in Segments(range))
        {
            var fromUtc = IranTime.StartOfDayUtc(first);
            var beforeUtc = IranTime.StartOfDayUtc(last.AddDays(1));
            var groups = await db.InquiryAudit.AsNoTracking()
                .Where(e => e.AgencyClientId == agencyClientId && e.OccurredAtUtc >= fromUtc && e.OccurredAtUtc < beforeUtc)
                .GroupBy(e => new { Day = e.OccurredAtUtc.AddMinutes(offsetMinutes).Date, e.Channel, e.Outcome })
                .Select(g => new { g.Key.Day, g.Key.Channel, g.Key.Outcome, Count = g.Count() })
                .ToListAsync(cancellationToken);
            foreach (var group in groups)
            {
                if (!counts.TryGetValue(DateOnly.FromDateTime(group.Day), out var day))
                {
                    continue;
                }

                day[group.Outcome switch { InquiryOutcome.Match => 0, InquiryOutcome.Miss => 1, _ => 2 }] += group.Count;
                day[group.Channel switch
                {
                    InquiryChannel.AgencyApi => 3,
                    InquiryChannel.AgencyPortal => 4,
                    InquiryChannel.AgencyBatch => 5,
                    _ => 6,
                }] += group.Count;
            }
        }

        return new AgencyUsage(range, dailyQuota, [.. counts.OrderBy(c => c.Key).Select(c =>
            new AgencyUsageDay(c.Key, c.Value[0], c.Value[1], c.Value[2], c.Value[3], c.Value[4], c.Value[5], c.Value[6]))]);
    }

    /// <summary>The range's runs of days that share one UTC offset in Iran, with that offset in minutes.</summary>
    public static IEnumerable<(DateOnly First, DateOnly Last, int OffsetMinutes)> Segments(AgencyUsageRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        DateOnly? first = null;
        var previous = range.From;
        var offset = 0;
        foreach (var day in range.EachDay())
        {
            var start = IranTime.StartOfDayUtc(day);
            var dayOffset = (int)Math.Round((IranTime.ToIranTime(start) - start).TotalMinutes);
            if (first is null)
            {
                first = day;
                offset = dayOffset;
            }
            else if (dayOffset != offset)
            {
                yield return (first.Value, previous, offset);
                first = day;
                offset = dayOffset;
            }

            previous = day;
        }

        if (first is not null)
        {
            yield return (first.Value, previous, offset);
        }
    }
}
