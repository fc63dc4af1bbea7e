namespace CertificateInquiry.Web.Features.AgencyPortal.Usage;

/// <summary>
/// One day (Iran time) of an agency's inquiries in the audit: rows by outcome and by the way they came in (the API, the
/// portal's form, batch files, paper letters).
/// </summary>
public sealed record AgencyUsageDay(DateOnly Day, int Verified, int NotFound, int Invalid, int Api, int Portal, int Batch, int Paper)
{
    public int Total => Verified + NotFound + Invalid;
}
