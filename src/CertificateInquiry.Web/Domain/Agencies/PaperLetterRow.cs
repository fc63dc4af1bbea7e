using CertificateInquiry.Web.Domain.Requests;

namespace CertificateInquiry.Web.Domain.Agencies;

/// <summary>
/// One row of a paper letter's list: as the agency wrote it, its normalized keys, and its finding. The finding holds
/// what the agency is told of a certificate (number, standard, dates, status), never the holder's stored names
/// (only whether the names the agency gave match) and never the program or training centre (ADR-017).
/// </summary>
public class PaperLetterRow
{
    /// <summary>How much of each value as given is kept (the longest value the shared query rules read).</summary>
    public const int MaxGivenLength = 256;

    public long Id { get; set; }

    public long PaperLetterId { get; set; }

    /// <summary>The row's place in the letter's list, from 1.</summary>
    public int RowNumber { get; set; }

    // As given (trimmed, cut to 256 characters, control characters replaced).

    /// <summary>The agency's own id of the row (the template's <c>row_id</c>); may be empty.</summary>
    public string? RowId { get; set; }

    public string? GivenNationalCode { get; set; }

    public string? GivenCertificateNumber { get; set; }

    public string? GivenFirstName { get; set; }

    public string? GivenLastName { get; set; }

    // Normalized keys (null for an invalid row).

    public string? NationalCode { get; set; }

    public string? CertificateNumber { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public PaperRowOutcome Outcome { get; set; }

    /// <summary>For an invalid row: the reason codes of the batch template (e.g. <c>invalid_national_code</c>), comma-separated.</summary>
    public string? ReasonCode { get; set; }

    /// <summary>For an invalid row: the reason in Persian, as the letter states it.</summary>
    public string? Reason { get; set; }

    /// <summary>The inquiry request the row became (not found in the database); null otherwise.</summary>
    public long? RequestId { get; set; }

    public InquiryRequest? Request { get; set; }

    // The certificate found (a verified row), as the agency is told of it.

    public long? CertificateId { get; set; }

    public string? FoundCertificateNumber { get; set; }

    public string? StandardTitle { get; set; }

    public string? StandardCode { get; set; }

    public DateOnly? IssueDate { get; set; }

    /// <summary><c>valid</c>, <c>revoked</c> or <c>expired</c> when the row was answered.</summary>
    public string? CertificateStatus { get; set; }

    /// <summary><c>match</c>, <c>mismatch</c> or <c>not_supplied</c> for the first and last name the agency gave.</summary>
    public string? FirstNameMatch { get; set; }

    public string? LastNameMatch { get; set; }

    /// <summary>When the row got its final finding; null while its request is open.</summary>
    public DateTime? AnsweredAtUtc { get; set; }

    public bool IsAnswered => AnsweredAtUtc is not null;
}
