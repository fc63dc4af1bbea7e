namespace CertificateInquiry.Web.Features.Retention;

/// <summary>What one pass of <see cref="RetentionCleanup"/> deleted.</summary>
public sealed record RetentionResult(int SpentCodes, int CodeSends, int Drafts, int DraftFiles, int AuditSegments);
