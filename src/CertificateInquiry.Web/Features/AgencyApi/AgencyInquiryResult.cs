using System.Text;
using CertificateInquiry.Web.Infrastructure.Http;

namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// An inquiry's end: an answer, its JSON (the JWS payload) and its JWS, or a problem, with the Retry-After of a refusal
/// for quota.
/// </summary>
public sealed record AgencyInquiryResult(InquiryAnswer? Answer, string? SignedAnswer, ApiProblem? Problem, int? RetryAfterSeconds = null, byte[]? AnswerJson = null)
{
    private static readonly byte[] SignedAnswerMember = ",\"signedAnswer\":\""u8.ToArray();

    /// <summary>
    /// The API's response body in UTF-8, <see cref="SignedInquiryAnswer"/>: the answer's JSON as signed, with
    /// <c>signedAnswer</c> added, so that the answer is serialized once per inquiry. A compact JWS needs no escaping.
    /// </summary>
    public byte[] ResponseJson()
    {
        if (AnswerJson is not { Length: > 2 } json || json[^1] != (byte)'}' || SignedAnswer is not { } signed)
        {
            throw new InvalidOperationException("Only an answered inquiry has a response body.");
        }

        var body = new byte[json.Length - 1 + SignedAnswerMember.Length + signed.Length + 2];
        json.AsSpan(0, json.Length - 1).CopyTo(body);
        var length = json.Length - 1;
        SignedAnswerMember.CopyTo(body.AsSpan(length));
        length += SignedAnswerMember.Length;
        length += Encoding.ASCII.GetBytes(signed, body.AsSpan(length));
        "\"}"u8.CopyTo(body.AsSpan(length));
        return body;
    }
}
