using CertificateInquiry.Web.Domain.Agencies;

namespace CertificateInquiry.Web.Features.AgencyPortal.Batches;

/// <summary>One batch's page: the batch, its progress, and (once completed, until its results are deleted) its downloads.</summary>
public sealed record BatchPage(AgencyBatch Batch, BatchProgress Progress)
{
    public bool ResultsReady => Batch.Status == AgencyBatchStatus.Completed && Batch.ResultsDeletedAtUtc is null;
}
