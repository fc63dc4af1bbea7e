namespace CertificateInquiry.Web.Domain;

/// <summary>
/// One staff action in the back-office (append-only: rows are never updated or deleted): who, when, what, on which
/// record, and for a request the status before and after. National admins browse and filter them.
/// </summary>
public class StaffAuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    /// <summary>The Identity user id of the staff member.</summary>
    public required string UserId { get; set; }

    /// <summary>The staff member's name as it was at the time.</summary>
    public required string UserName { get; set; }

    /// <summary>A short stable code, e.g. <c>request.assign</c>, <c>request.answer.approve</c>, <c>user.lock</c>, <c>tariff.update</c>.</summary>
    public required string Action { get; set; }

    /// <summary>What kind of record was acted on, e.g. <c>Request</c>, <c>StaffUser</c>, <c>FeeTariff</c>, <c>Certificate</c>.</summary>
    public string? SubjectType { get; set; }

    public string? SubjectId { get; set; }

    /// <summary>The province the record belongs to, so that the trail can be filtered by province.</summary>
    public int? ProvinceId { get; set; }

    public string? FromStatus { get; set; }

    public string? ToStatus { get; set; }

    /// <summary>A short description in Persian (no national codes).</summary>
    public string? Details { get; set; }
}
