using CertificateInquiry.Web.Features.AgencyApi;

namespace CertificateInquiry.Web.Features.AgencyPortal.Inquiries;

/// <summary>
/// The single-inquiry page: the form (kept as typed after an error), whether the agency may leave the certificate number
/// out (inquiry.person) or may not ask at all (neither inquiry scope), and after an inquiry its answer and the signed answer (JWS) exactly as the API gives them.
/// </summary>
public sealed record AgencyInquiryPage(AgencyInquiryForm Form, bool PersonScope, InquiryAnswer? Answer = null, string? SignedAnswer = null, bool Allowed = true);
