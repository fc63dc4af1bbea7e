using CertificateInquiry.Web.Features.Shared;

namespace CertificateInquiry.Web.Features.Admin.AgencyInquiries;

public sealed record AgencyInquiriesPage(
    AgencyInquiryQuery Query,
    IReadOnlyList<AgencyInquiryRow> Rows,
    Paging Paging,
    IReadOnlyList<(string Value, string Text)> Agencies);
