namespace CertificateInquiry.Web.Domain;

/// <summary>Where an inquiry came in.</summary>
public enum InquiryChannel
{
    CertificateLookup,
    LicenseCheck,
    Verification,
    ReportDownload,

    /// <summary>An applicant following a paper-era inquiry request (tracking code and national code).</summary>
    RequestTracking,

    /// <summary>The verify page of an answer letter (<c>/letters/verify/{code}</c>), from its QR code.</summary>
    LetterVerification,

    /// <summary>An applicant downloading their answer letter from the tracking page.</summary>
    LetterDownload,
}

public enum InquiryOutcome
{
    /// <summary>A record was found and shown.</summary>
    Match,

    /// <summary>Valid input, no record.</summary>
    Miss,

    /// <summary>The input was refused before any search.</summary>
    Invalid,
}

/// <summary>
/// One inquiry, for the record and for statistics: when, how, what was found, and a keyed hash of the client's
/// address (never the address itself, never a national code).
/// </summary>
public class InquiryAuditEntry
{
    public long Id { get; set; }

    public DateTime OccurredAtUtc { get; set; }

    public InquiryChannel Channel { get; set; }

    public InquiryOutcome Outcome { get; set; }

    /// <summary>The record shown, if any (kept without a foreign key: the audit outlives corrections).</summary>
    public long? CertificateId { get; set; }

    public required string ClientAddressHash { get; set; }
}
