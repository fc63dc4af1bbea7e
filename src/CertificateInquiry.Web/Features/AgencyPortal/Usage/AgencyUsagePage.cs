namespace CertificateInquiry.Web.Features.AgencyPortal.Usage;

/// <summary>The usage page: the filters as typed, and the usage of the range read from them (null when they were refused).</summary>
public sealed record AgencyUsagePage(AgencyUsageQuery Query, AgencyUsage? Usage);
