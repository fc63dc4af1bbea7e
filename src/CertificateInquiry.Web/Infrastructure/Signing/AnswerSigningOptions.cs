namespace CertificateInquiry.Web.Infrastructure.Signing;

/// <summary>
/// The <c>AnswerSigning</c> settings section: the key ring that signs answers and batch result files (ADR-024).
/// Production requires at least one key with <c>Status</c> <c>Current</c>; elsewhere, with no key configured, a
/// development key is generated once and kept in the data folder.
/// </summary>
public sealed class AnswerSigningOptions
{
    public const string Section = "AnswerSigning";

    public List<AnswerSigningKeyOptions> Keys { get; set; } = [];
}
