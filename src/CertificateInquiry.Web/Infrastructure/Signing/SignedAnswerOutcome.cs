namespace CertificateInquiry.Web.Infrastructure.Signing;

/// <summary>What <see cref="AnswerSigner.Check"/> found.</summary>
public enum SignedAnswerOutcome
{
    /// <summary>Signed by a key of this portal's ring, and unchanged since.</summary>
    Genuine,

    /// <summary>Nothing, or only white space.</summary>
    Empty,

    /// <summary>Longer than <see cref="AnswerSigner.MaxTokenLength"/>.</summary>
    TooLarge,

    /// <summary>Not a compact JWS: not three base64url parts, a header that is not a JSON object, a <c>crit</c> header.</summary>
    Malformed,

    /// <summary>Any algorithm but ES256: <c>none</c>, HS256 (a forger's favourite), RS256...</summary>
    WrongAlgorithm,

    /// <summary>No <c>kid</c>, or one that is not in the published key set.</summary>
    UnknownKey,

    /// <summary>The signature does not match: the header or payload was changed, or another key signed.</summary>
    BadSignature,

    /// <summary>The signature is genuine but the file checked against it is not the one signed (<see cref="AnswerSigner.CheckFile"/>).</summary>
    FileMismatch,
}
