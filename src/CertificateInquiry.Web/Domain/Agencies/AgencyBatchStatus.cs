namespace CertificateInquiry.Web.Domain.Agencies;

/// <summary>Where an agency batch stands: written as <c>queued</c>, <c>running</c>, <c>completed</c> or <c>rejected</c>.</summary>
public enum AgencyBatchStatus
{
    Queued,
    Running,
    Completed,
    Rejected,
}
