namespace CertificateInquiry.Web.Features.Staff.PaperLetters;

/// <summary>
/// One row of a paper letter's list as given, in the batch template's columns
/// (<c>row_id,national_code,certificate_number,first_name,last_name</c>); <paramref name="Problem"/> when the line
/// itself could not be split into them.
/// </summary>
public sealed record GivenRow(
    int RowNumber, string? RowId, string? NationalCode, string? CertificateNumber, string? FirstName, string? LastName, string? Problem = null);
