using CertificateInquiry.Web.Domain.Agencies;

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

    /// <summary>An agency's single inquiry through the API (<c>POST /api/v1/inquiries</c>).</summary>
    AgencyApi,

    /// <summary>One row of an agency's batch file, through the API or the agency portal.</summary>
    AgencyBatch,

    /// <summary>An agency officer's single inquiry on the agency portal's form.</summary>
    AgencyPortal,

    /// <summary>One row of a paper letter's list, answered by staff in the back-office.</summary>
    PaperLetter,

    /// <summary>Someone opening a holder's record with a share code the holder gave them (<c>/share</c>).</summary>
    ShareCode,
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
/// address (never the address itself, never a national code). An agency's inquiry also names the agency, its purpose,
/// case reference and officer, and a keyed hash of the national code asked about, so that national admins can list who
/// asked about one person, and holders see who checked them (<c>/my/checks</c>), without the audit holding national codes.
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

    /// <summary>The agency that asked (agency channels only).</summary>
    public int? AgencyClientId { get; set; }

    public InquiryPurpose? Purpose { get; set; }

    /// <summary>The agency's own case or file number, as it sent it.</summary>
    public string? CaseReference { get; set; }

    /// <summary>The ID, at the agency, of the officer who asked.</summary>
    public string? OfficerId { get; set; }

    /// <summary>A keyed hash of the national code asked about (agency channels only; see InquiryAudit.HashNationalCode).</summary>
    public string? NationalCodeHash { get; set; }

    /// <summary>The answer's id as the agency received it (the API's <c>inquiryId</c>, a batch's row).</summary>
    public string? InquiryId { get; set; }

    /// <summary>The agency asked that the holder see this inquiry only after its purpose's delay (Holders:HeldBack).</summary>
    public bool Confidential { get; set; }
}
