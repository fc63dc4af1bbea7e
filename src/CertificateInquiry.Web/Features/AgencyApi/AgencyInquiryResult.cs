using CertificateInquiry.Web.Infrastructure.Http;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// An inquiry's end: an answer, its JSON (the JWS payload) and its JWS, or a problem, with the Retry-After of a refusal
/// for quota.
/// </summary>
public sealed record AgencyInquiryResult(InquiryAnswer? Answer, string? SignedAnswer, ApiProblem? Problem, int? RetryAfterSeconds = null, string? AnswerJson = null)
{
    /// <summary>
    /// The API's response body, <see cref="SignedInquiryAnswer"/>: the answer's JSON as signed, with <c>signedAnswer</c>
    /// added, so that the answer is serialized once per inquiry. A compact JWS needs no escaping.
    /// </summary>
    public string ResponseJson() =>
        AnswerJson is { Length: > 2 } json && json[^1] == '}' && SignedAnswer is { } signed
            ? string.Concat(json.AsSpan(0, json.Length - 1), ",\"signedAnswer\":\"", signed, "\"}")
            : throw new InvalidOperationException("Only an answered inquiry has a response body.");
}
