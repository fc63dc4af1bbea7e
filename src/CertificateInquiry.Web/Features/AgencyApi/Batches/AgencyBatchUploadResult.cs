using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Infrastructure.Http;

namespace CertificateInquiry.Web.Features.AgencyApi.Batches;

/// <summary>An upload's outcome: the batch (new, or the one the same key and file made before), or a problem.</summary>
public sealed record AgencyBatchUploadResult(AgencyBatch? Batch, bool Created, ApiProblem? Problem = null, int? RetryAfterSeconds = null);
