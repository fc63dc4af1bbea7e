namespace CertificateInquiry.Web.Features.Shared.Batches;

/// <summary>The outcome of one batch row: written as <c>verified</c>, <c>not_found</c> or <c>invalid</c>.</summary>
public enum BatchRowOutcome
{
    Verified,
    NotFound,
    Invalid,
}
