namespace CertificateInquiry.Web.Domain.Agencies;

/// <summary>
/// One batch file an agency uploaded (ADR-028): its context, its checked rows (<see cref="AgencyBatchRow"/>, stored at
/// upload; the file itself is not kept), its progress and the worker's lease. A file refused as a whole is kept as
/// <see cref="AgencyBatchStatus.Rejected"/> with its reason and no rows.
/// </summary>
public class AgencyBatch
{
    /// <summary>An unguessable id (128 random bits in lower-case hex), the one in the batch's address.</summary>
    public required string Id { get; set; }

    public int AgencyClientId { get; set; }

    /// <summary>The client's <c>Idempotency-Key</c>: one batch per agency and key.</summary>
    public required string IdempotencyKey { get; set; }

    /// <summary>SHA-256 of the uploaded file in lower-case hex: the same key with another file is refused.</summary>
    public required string FileSha256 { get; set; }

    public InquiryPurpose Purpose { get; set; }

    public required string CaseReference { get; set; }

    public required string OfficerId { get; set; }

    /// <summary>The agency asked that holders learn of these inquiries only after their purpose's delay.</summary>
    public bool Confidential { get; set; }

    /// <summary>The file's name as uploaded, cut to its last 128 characters without directories.</summary>
    public required string FileName { get; set; }

    /// <summary>csv or xlsx; null when the file was refused before its format was known.</summary>
    public string? Format { get; set; }

    /// <summary>Whether the certificate number may be empty (the agency had inquiry.person at upload).</summary>
    public bool PersonScope { get; set; }

    /// <summary>The keyed hash of the uploader's address, for the audit rows the worker writes.</summary>
    public required string ClientAddressHash { get; set; }

    public AgencyBatchStatus Status { get; set; }

    public string? RejectionCode { get; set; }

    public string? RejectionMessage { get; set; }

    public int Total { get; set; }

    public int Processed { get; set; }

    public int Verified { get; set; }

    public int NotFound { get; set; }

    public int Invalid { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? StartedAtUtc { get; set; }

    public DateTime? CompletedAtUtc { get; set; }

    /// <summary>When the rows and results files are deleted (completion plus <c>AgencyApi:BatchRetention</c>).</summary>
    public DateTime? ResultsExpireAtUtc { get; set; }

    /// <summary>When the retention clean-up deleted the rows and results files.</summary>
    public DateTime? ResultsDeletedAtUtc { get; set; }

    /// <summary>The worker (server and process) holding the batch while <see cref="LeasedUntilUtc"/> is ahead.</summary>
    public string? LeaseOwner { get; set; }

    public DateTime? LeasedUntilUtc { get; set; }
}
