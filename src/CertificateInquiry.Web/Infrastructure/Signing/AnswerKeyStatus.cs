namespace CertificateInquiry.Web.Infrastructure.Signing;

/// <summary>Where a key stands in its life (setting <c>AnswerSigning:Keys:N:Status</c>); every status is published in the JWKS.</summary>
public enum AnswerKeyStatus
{
    /// <summary>Signs every new answer. Exactly one key is current, and it must hold its private part.</summary>
    Current,

    /// <summary>Published ahead of its first signature, so that caches of the key set know it before it signs.</summary>
    Next,

    /// <summary>Signs nothing any more; still published so that answers it signed keep verifying.</summary>
    Retired,
}
