namespace CertificateInquiry.Web.Features.Shared.Batches;

/// <summary>
/// A batch row after <see cref="BatchRowCheck"/>: valid (<see cref="Reason"/> null) with its keys normalized as the
/// public forms normalize them, or invalid with a reason code from <see cref="BatchRowReasons"/>. Every value fits its
/// column: an invalid row keeps only its row number and, when it is well formed, its row_id; names are empty when not
/// supplied.
/// </summary>
public sealed record CheckedBatchRow(
    int RowNumber,
    string RowId,
    string NationalCode,
    string CertificateNumber,
    string FirstName,
    string LastName,
    string? Reason)
{
    public bool IsValid => Reason is null;

    public static CheckedBatchRow Invalid(int rowNumber, string rowId, string reason) =>
        new(rowNumber, rowId, string.Empty, string.Empty, string.Empty, string.Empty, reason);
}
