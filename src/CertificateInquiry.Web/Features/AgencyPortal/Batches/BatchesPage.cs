using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Shared;

namespace CertificateInquiry.Web.Features.AgencyPortal.Batches;

/// <summary>The batches page: the upload form (with its key for this rendering) and a page of the agency's batches, newest first.</summary>
public sealed record BatchesPage(BatchUploadForm Form, bool Allowed, bool PersonScope, IReadOnlyList<AgencyBatch> Batches, Paging Paging);
