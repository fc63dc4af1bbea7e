namespace CertificateInquiry.Web.Features.AgencyPortal.Usage;

/// <summary>An agency's usage over a range of days: one entry per day of the range, oldest first, days without rows included.</summary>
public sealed record AgencyUsage(AgencyUsageRange Range, int DailyQuota, IReadOnlyList<AgencyUsageDay> Days)
{
    public int Total => Days.Sum(d => d.Total);

    public int Verified => Days.Sum(d => d.Verified);

    public int NotFound => Days.Sum(d => d.NotFound);

    public int Invalid => Days.Sum(d => d.Invalid);

    public int Busiest => Days.Count == 0 ? 0 : Days.Max(d => d.Total);
}
