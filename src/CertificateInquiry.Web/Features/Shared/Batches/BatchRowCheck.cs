using System.Globalization;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Shared.Batches;

/// <summary>
/// Checks the rows of one batch file, in file order (ADR-025). Normalizes as the public forms do
/// (<see cref="PersianText.NormalizeCode"/> for the national code and certificate number, <see cref="PersianText.Normalize"/>
/// for names) and gives each row the first reason of <see cref="BatchRowReasons.All"/> that applies, or none. It
/// remembers the row_ids and keys it has seen, so a later repeat is invalid (<c>duplicate_row_id</c>,
/// <c>duplicate_row</c>) and only the first is looked up: use one instance per file, over all its rows in order. Any
/// string is accepted (NUL, control characters, 5 MB); none throws.
/// </summary>
public sealed class BatchRowCheck(bool certificateNumberOptional)
{
    public const int MaxRowIdLength = 64;

    /// <summary>Past this a raw value is refused before it is normalized (no name or code comes near it).</summary>
    public const int MaxFieldLength = 256;

    private readonly HashSet<string> rowIds = new(StringComparer.Ordinal);
    private readonly HashSet<(string NationalCode, string CertificateNumber)> keys = [];

    /// <summary>True when the agency may leave the certificate number empty (scope <c>inquiry.person</c>).</summary>
    public bool CertificateNumberOptional => certificateNumberOptional;

    public CheckedBatchRow Check(BatchInputRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var rowId = row.RowId.Trim();
        var rowIdFits = rowId.Length is > 0 and <= MaxRowIdLength && IsPlainText(rowId);
        var echoedRowId = rowIdFits ? rowId : string.Empty;

        if (TooLong(row.RowId) || TooLong(row.NationalCode) || TooLong(row.CertificateNumber) || TooLong(row.FirstName) || TooLong(row.LastName))
        {
            return CheckedBatchRow.Invalid(row.RowNumber, echoedRowId, BatchRowReasons.FieldTooLong);
        }

        if (row.HasExtraValues)
        {
            return CheckedBatchRow.Invalid(row.RowNumber, echoedRowId, BatchRowReasons.WrongFieldCount);
        }

        if (rowId.Length == 0)
        {
            return CheckedBatchRow.Invalid(row.RowNumber, string.Empty, BatchRowReasons.MissingRowId);
        }

        if (!rowIdFits)
        {
            return CheckedBatchRow.Invalid(row.RowNumber, string.Empty, BatchRowReasons.InvalidRowId);
        }

        if (!rowIds.Add(rowId))
        {
            return CheckedBatchRow.Invalid(row.RowNumber, rowId, BatchRowReasons.DuplicateRowId);
        }

        var nationalCode = PersianText.NormalizeCode(row.NationalCode);
        if (nationalCode.Length == 0)
        {
            return CheckedBatchRow.Invalid(row.RowNumber, rowId, BatchRowReasons.MissingNationalCode);
        }

        if (!NationalCode.IsValid(nationalCode))
        {
            return CheckedBatchRow.Invalid(row.RowNumber, rowId, BatchRowReasons.InvalidNationalCode);
        }

        var certificateNumber = PersianText.NormalizeCode(row.CertificateNumber);
        if (certificateNumber.Length == 0 && !certificateNumberOptional)
        {
            return CheckedBatchRow.Invalid(row.RowNumber, rowId, BatchRowReasons.MissingCertificateNumber);
        }

        if (certificateNumber.Length > 0 && !InquiryInputRules.IsWellFormedNumber(certificateNumber))
        {
            return CheckedBatchRow.Invalid(row.RowNumber, rowId, BatchRowReasons.InvalidCertificateNumber);
        }

        var firstName = PersianText.Normalize(row.FirstName);
        var lastName = PersianText.Normalize(row.LastName);
        if (!IsAcceptableName(firstName) || !IsAcceptableName(lastName))
        {
            return CheckedBatchRow.Invalid(row.RowNumber, rowId, BatchRowReasons.InvalidName);
        }

        if (!keys.Add((nationalCode, certificateNumber)))
        {
            return CheckedBatchRow.Invalid(row.RowNumber, rowId, BatchRowReasons.DuplicateRow);
        }

        return new CheckedBatchRow(row.RowNumber, rowId, nationalCode, certificateNumber, firstName, lastName, null);
    }

    private static bool TooLong(string value) => value.Length > MaxFieldLength;

    /// <summary>A name is optional; when given it follows the portal's one name rule and fits the name column.</summary>
    private static bool IsAcceptableName(string name) =>
        name.Length == 0 || (name.Length <= DataLimits.Name && PersonName.IsValid(name));

    /// <summary>No control characters (NUL, line breaks) and no invisible format characters (bidi overrides).</summary>
    private static bool IsPlainText(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned)
            {
                return false;
            }
        }

        return true;
    }
}
