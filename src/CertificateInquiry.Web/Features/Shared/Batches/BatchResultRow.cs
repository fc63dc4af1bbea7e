using CertificateInquiry.Web.Domain;

using CertificateInquiry.Web.Features.Shared.Inquiry;

namespace CertificateInquiry.Web.Features.Shared.Batches;

/// <summary>
/// One line of a batch results file (ADR-025). Results come in input order, one line per input row, except that a row
/// answered under <c>inquiry.person</c> without a certificate number gets one line per certificate found, each echoing
/// the row's <see cref="RowId"/> and <see cref="RowNumber"/>. Certificate fields are filled only for
/// <see cref="BatchRowOutcome.Verified"/> lines, and only those the agency's scope allows.
/// </summary>
public sealed record BatchResultRow(int RowNumber, string RowId, BatchRowOutcome Outcome)
{
    /// <summary>The reason code of an invalid row (<see cref="BatchRowReasons"/>).</summary>
    public string? Reason { get; init; }

    public BatchCertificateStatus? CertificateStatus { get; init; }

    public string? CertificateNumber { get; init; }

    public CertificateKind? CertificateKind { get; init; }

    public NameMatch FirstNameMatch { get; init; }

    public NameMatch LastNameMatch { get; init; }

    public string? StandardTitle { get; init; }

    public DateOnly? IssueDate { get; init; }

    public DateOnly? ExpiryDate { get; init; }

    public string? Province { get; init; }

    /// <summary>A foreign holder's nationality (ISO 3166-1 alpha-2); empty for an Iranian (ADR-033).</summary>
    public string? HolderNationality { get; init; }

    /// <summary>
    /// The two names together: <c>mismatch</c> when either supplied name mismatches, <c>match</c> when every supplied
    /// name matches, <c>not_supplied</c> when neither was supplied.
    /// </summary>
    public NameMatch HolderNameMatch =>
        FirstNameMatch == NameMatch.Mismatch || LastNameMatch == NameMatch.Mismatch ? NameMatch.Mismatch
        : FirstNameMatch == NameMatch.Match || LastNameMatch == NameMatch.Match ? NameMatch.Match
        : NameMatch.NotSupplied;

    public static BatchResultRow Invalid(CheckedBatchRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new BatchResultRow(row.RowNumber, row.RowId, BatchRowOutcome.Invalid) { Reason = row.Reason };
    }
}
