namespace CertificateInquiry.Web.Features.AgencyPortal;

/// <summary>The agency portal's inquiry pages (single inquiry, batches, usage): event IDs 1460-1489 (ADR-022). No national codes or names.</summary>
internal static partial class AgencyPortalWorkLog
{
    [LoggerMessage(1460, LogLevel.Information, "Agency {AgencyId}: portal user {UserId} asked inquiry {InquiryId} on the portal")]
    public static partial void PortalInquiry(this ILogger logger, int agencyId, string userId, string inquiryId);

    [LoggerMessage(1461, LogLevel.Warning, "Agency {AgencyId}: portal user {UserId} refused by the agency's request rate")]
    public static partial void PortalRateRefused(this ILogger logger, int agencyId, string userId);

    [LoggerMessage(1462, LogLevel.Information, "Agency {AgencyId}: portal user {UserId} uploaded batch {BatchId} (new: {Created})")]
    public static partial void PortalBatchUploaded(this ILogger logger, int agencyId, string userId, string batchId, bool created);

    [LoggerMessage(1463, LogLevel.Warning, "Agency {AgencyId}: portal user {UserId} asked for a batch or answer that is not the agency's")]
    public static partial void PortalForeignId(this ILogger logger, int agencyId, string userId);

    [LoggerMessage(1464, LogLevel.Warning, "Agency {AgencyId}: portal user {UserId} refused, the agency is no longer active")]
    public static partial void PortalAgencyInactive(this ILogger logger, int agencyId, string userId);
}
