using CertificateInquiry.Web.Infrastructure.Signing;

namespace CertificateInquiry.Web.Features.AnswerVerification;

/// <summary>The verify page: the form, and after a post the verdict and, when genuine, the answer's content.</summary>
public sealed record AnswerVerificationPage(AnswerVerificationInput Input)
{
    public SignedAnswerCheck? Check { get; init; }

    /// <summary>The payload indented for reading (or as it is, if it is not JSON); a genuine check only.</summary>
    public string? Content { get; init; }

    /// <summary>The Persian sentence that says why a text is not genuine.</summary>
    public string? Refusal { get; init; }
}
