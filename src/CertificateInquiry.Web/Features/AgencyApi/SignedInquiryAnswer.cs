namespace CertificateInquiry.Web.Features.AgencyApi;

/// <summary>
/// What <c>POST /api/v1/inquiries</c> returns: the answer's fields for convenience, and <c>signedAnswer</c>, the compact
/// JWS (ES256) whose payload is the answer itself, the evidence to keep. Check it with the keys at
/// <c>/.well-known/jwks.json</c>.
/// </summary>
public sealed record SignedInquiryAnswer : InquiryAnswer
{
    public SignedInquiryAnswer(InquiryAnswer answer, string signedAnswer)
        : base(answer)
    {
        SignedAnswer = signedAnswer;
    }

    public string SignedAnswer { get; }
}
