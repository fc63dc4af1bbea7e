namespace CertificateInquiry.Web.Features.Shared.Batches;

/// <summary>
/// The columns of an agency batch file, as its header row names them. The header is required; its names are compared
/// after trimming and in any letter case, in any order; each appears exactly once and no other name may appear (blank
/// header cells are not columns).
/// </summary>
public static class BatchColumns
{
    public const string RowId = "row_id";
    public const string NationalCode = "national_code";
    public const string CertificateNumber = "certificate_number";
    public const string FirstName = "first_name";
    public const string LastName = "last_name";

    /// <summary>The columns in the template's order.</summary>
    public static IReadOnlyList<string> All { get; } = [RowId, NationalCode, CertificateNumber, FirstName, LastName];

    /// <summary>The header line as the template writes it.</summary>
    public static string HeaderLine { get; } = string.Join(',', All);
}
