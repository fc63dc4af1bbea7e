namespace CertificateInquiry.Web.Domain.Agencies;

/// <summary>
/// A batch's results file in one format, written once (on its first download) and signed then, so that every download
/// gives the same bytes and <c>/results.jws</c> signs exactly them. Deleted with the rows at the end of retention.
/// </summary>
public class AgencyBatchFile
{
    public required string BatchId { get; set; }

    /// <summary>csv or xlsx.</summary>
    public required string Format { get; set; }

    public required byte[] Content { get; set; }

    public required string Sha256 { get; set; }

    /// <summary>The compact JWS over the file (AnswerSigner.SignFile).</summary>
    public required string Signature { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
