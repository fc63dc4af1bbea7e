namespace CertificateInquiry.Web.Infrastructure.Signing;

/// <summary>
/// The verdict on a compact JWS. When <see cref="IsGenuine"/>: the payload exactly as signed, the key that signed it,
/// the key's standing and the signing time (the protected header's <c>iat</c>); otherwise only the reason.
/// </summary>
public sealed record SignedAnswerCheck(SignedAnswerOutcome Outcome)
{
    public bool IsGenuine => Outcome == SignedAnswerOutcome.Genuine;

    /// <summary>The signed payload, UTF-8 decoded, byte for byte what was signed (a genuine check only).</summary>
    public string? Payload { get; init; }

    public string? KeyId { get; init; }

    public AnswerKeyStatus? KeyStatus { get; init; }

    public DateTimeOffset? SignedAt { get; init; }

    /// <summary>The header's <c>typ</c>: <see cref="AnswerSigner.AnswerType"/> or <see cref="AnswerSigner.FileType"/>.</summary>
    public string? Type { get; init; }

    public static SignedAnswerCheck Refused(SignedAnswerOutcome outcome) => new(outcome);
}
