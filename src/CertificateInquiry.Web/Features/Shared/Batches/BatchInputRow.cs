namespace CertificateInquiry.Web.Features.Shared.Batches;

/// <summary>
/// One data row of a batch file as written, before any check: <paramref name="RowNumber"/> counts data rows from 1
/// (the header and blank rows are not counted); a missing cell is the empty string. <paramref name="HasExtraValues"/>
/// is set when the row has a value outside the five columns (an unquoted comma in a CSV name, a note in column G).
/// </summary>
public sealed record BatchInputRow(
    int RowNumber,
    string RowId,
    string NationalCode,
    string CertificateNumber,
    string FirstName,
    string LastName,
    bool HasExtraValues = false);
