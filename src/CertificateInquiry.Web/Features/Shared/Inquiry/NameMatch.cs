namespace CertificateInquiry.Web.Features.Shared.Inquiry;

/// <summary>
/// Whether a name the agency supplied matches the holder's: written as <c>match</c>, <c>mismatch</c> or
/// <c>not_supplied</c>. The stored name itself is never given in place of a mismatching one.
/// </summary>
public enum NameMatch
{
    NotSupplied,
    Match,
    Mismatch,
}
