using CertificateInquiry.Web.Infrastructure.Http;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>An inquiry's end: an answer and its JWS, or a problem, with the Retry-After of a refusal for quota.</summary>
public sealed record AgencyInquiryResult(InquiryAnswer? Answer, string? SignedAnswer, ApiProblem? Problem, int? RetryAfterSeconds = null);
