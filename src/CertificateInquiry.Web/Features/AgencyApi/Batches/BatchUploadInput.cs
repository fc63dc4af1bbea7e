using System.ComponentModel;

namespace CertificateInquiry.Web.Features.AgencyApi.Batches;

/// <summary>The multipart form of <c>POST /api/v1/batches</c>, for the OpenAPI document (the action reads the form itself).</summary>
public sealed class BatchUploadInput
{
    [Description("The batch file: CSV (UTF-8, with or without a BOM) or XLSX, with the columns row_id,national_code,certificate_number,first_name,last_name; at most 20 MB and 100,000 rows.")]
    public IFormFile? File { get; init; }

    [Description("Why the agency asks: employment, judicial, education, licensing or other (or the X-Inquiry-Purpose header).")]
    public string? Purpose { get; init; }

    [Description("The agency's own case or file number, 1 to 64 characters (or the X-Case-Reference header).")]
    public string? CaseReference { get; init; }

    [Description("The ID, at the agency, of the officer asking, 1 to 64 characters (or the X-Officer-Id header).")]
    public string? OfficerId { get; init; }
}
