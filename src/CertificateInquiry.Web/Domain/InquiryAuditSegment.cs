namespace CertificateInquiry.Web.Domain;

/// <summary>
/// A journal segment whose inquiry audit entries are in the database: inserted in the same transaction as its entries,
/// under the segment's name as primary key, so that a segment written a second time (a process killed between the
/// commit and the file's deletion, or two servers taking over the same orphan on a shared journal folder) is refused
/// whole instead of duplicating its audit rows (ADR-038). Pruned by the retention job after
/// <c>Retention:AuditSegmentsKeptFor</c>.
/// </summary>
public class InquiryAuditSegment
{
    /// <summary>The segment file's name without its extension (a version-7 GUID, 32 hex digits).</summary>
    public required string Id { get; set; }

    public DateTime WrittenAtUtc { get; set; }

    /// <summary>How many entries it held.</summary>
    public int Entries { get; set; }
}
