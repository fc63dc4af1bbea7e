namespace CertificateInquiry.Web.Features.AnswerVerification;

/// <summary>What the verify page's form posts: the signed answer (a compact JWS) as pasted.</summary>
public sealed class AnswerVerificationInput
{
    /// <summary>The longest paste the page takes; a signed answer is a few kilobytes.</summary>
    public const int MaxLength = 200_000;

    public string? SignedAnswer { get; set; }

    /// <summary>
    /// A paste keeps its compact form: line breaks and spaces that a mail client or a PDF reader put inside the text
    /// are dropped (a JWS holds none).
    /// </summary>
    public string Compact() =>
        SignedAnswer is null ? "" : string.Concat(SignedAnswer.Where(c => !char.IsWhiteSpace(c)));
}
