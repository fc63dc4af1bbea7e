using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Http;

namespace CertificateInquiry.Web.Features.Staff.PaperLetters;

/// <summary>A given row after the shared rules: its query, or the reasons it cannot be asked.</summary>
public sealed record CheckedRow(GivenRow Given, string? RowId, AgencyQuery? Query, IReadOnlyList<ApiFieldError> Errors)
{
    public bool IsValid => Query is not null;

    public string ReasonCodes => string.Join(',', Errors.Select(e => e.Code).Distinct());

    public string Reason => string.Join(" ", Errors.Select(e => e.Message).Distinct());
}
