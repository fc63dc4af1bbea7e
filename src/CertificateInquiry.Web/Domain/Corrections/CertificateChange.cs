namespace CertificateInquiry.Web.Domain.Corrections;

/// <summary>
/// One change to a certificate's record, kept forever (append-only): which field, the value before and after, when,
/// which manager approved it and the correction case it came from. A name belongs to the holder, so a name correction
/// writes one row for each of the holder's certificates (ADR-034).
/// </summary>
public class CertificateChange
{
    public long Id { get; set; }

    public long CertificateId { get; set; }

    public CorrectionField Field { get; set; }

    /// <summary>The value before, in the invariant form of <see cref="CertificateCorrection"/> (dates ISO, a standard by id).</summary>
    public required string OldValue { get; set; }

    public required string NewValue { get; set; }

    public DateTime AtUtc { get; set; }

    public required string ApprovedByUserId { get; set; }

    public required string ApprovedByName { get; set; }

    public long CorrectionId { get; set; }
}
