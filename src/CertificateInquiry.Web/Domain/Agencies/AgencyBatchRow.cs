namespace CertificateInquiry.Web.Domain.Agencies;

/// <summary>
/// One data row of an agency batch, as checked at upload and answered by the worker. The query's keys are kept, normalized,
/// only until the row is answered; then only the result stays: the outcome, the reason of an invalid row, the name match
/// flags and the certificates found as a small JSON array (one under inquiry.verify, several under inquiry.person).
/// </summary>
public class AgencyBatchRow
{
    public required string BatchId { get; set; }

    /// <summary>The data row's number in the file, from 1 (the header is not counted).</summary>
    public int RowNumber { get; set; }

    /// <summary>The agency's row_id, echoed; empty when it was missing or unfit.</summary>
    public required string RowId { get; set; }

    public string? NationalCode { get; set; }

    public string? CertificateNumber { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    /// <summary>The reason code of a row found invalid at upload (BatchRowReasons).</summary>
    public string? Reason { get; set; }

    public bool Processed { get; set; }

    /// <summary>verified, not_found or invalid, once processed.</summary>
    public string? Outcome { get; set; }

    public string? FirstNameMatch { get; set; }

    public string? LastNameMatch { get; set; }

    /// <summary>The certificates found, as JSON (see AgencyBatchCertificate), for the results files.</summary>
    public string? Certificates { get; set; }
}
