namespace CertificateInquiry.Web.Infrastructure.Signing;

/// <summary>One entry of <c>AnswerSigning:Keys</c>: a P-256 key in a file, and where it stands.</summary>
public sealed class AnswerSigningKeyOptions
{
    /// <summary>
    /// A PEM file (PKCS#8 <c>PRIVATE KEY</c>, <c>EC PRIVATE KEY</c>, <c>ENCRYPTED PRIVATE KEY</c>, or for a retired or
    /// next key a <c>PUBLIC KEY</c>) or a PKCS#12 file (<c>.pfx</c>/<c>.p12</c>); relative to the content root.
    /// </summary>
    public string Path { get; set; } = "";

    /// <summary>The password of an encrypted PEM or of a PKCS#12 file; empty for none.</summary>
    public string? Password { get; set; }

    public AnswerKeyStatus Status { get; set; } = AnswerKeyStatus.Retired;
}
