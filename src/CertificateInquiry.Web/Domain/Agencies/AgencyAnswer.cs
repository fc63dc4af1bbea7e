namespace CertificateInquiry.Web.Domain.Agencies;

/// <summary>
/// A signed answer given to an agency's single inquiry, kept so that the agency can fetch it again by its
/// <c>inquiryId</c> and check that a copy it holds is the one the portal gave.
/// </summary>
public class AgencyAnswer
{
    /// <summary>The <c>inquiryId</c> the agency received.</summary>
    public required string InquiryId { get; set; }

    public int AgencyClientId { get; set; }

    public DateTime AnsweredAtUtc { get; set; }

    /// <summary>The answer as a compact JWS (its payload is the answer's JSON, byte for byte).</summary>
    public required string SignedAnswer { get; set; }
}
