namespace CertificateInquiry.Web.Features.Shared.Batches;

/// <summary>A found certificate's standing: written as <c>valid</c>, <c>revoked</c> or <c>expired</c>.</summary>
public enum BatchCertificateStatus
{
    Valid,
    Revoked,
    Expired,
}
