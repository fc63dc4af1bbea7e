namespace CertificateInquiry.Web.Domain.Requests;

/// <summary>A message from staff: shown to the applicant, or an internal note that never is.</summary>
public class RequestMessage
{
    public long Id { get; set; }

    public long RequestId { get; set; }

    public DateTime AtUtc { get; set; }

    public required string Author { get; set; }

    public required string AuthorName { get; set; }

    public required string Text { get; set; }

    public bool IsInternal { get; set; }
}
