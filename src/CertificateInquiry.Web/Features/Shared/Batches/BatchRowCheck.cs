using System.Globalization;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Http;

namespace CertificateInquiry.Web.Features.Shared.Batches;

/// <summary>
/// Checks the rows of one batch file, in file order (ADR-025): the row_id here, the query's fields through
/// <see cref="AgencyQueryRules"/> (normalized as the public forms normalize them, as the API checks them), and gives each row the first reason of <see cref="BatchRowReasons.All"/> that applies, or none. It
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

        // The query's fields are checked by the one rule of every agency channel; a row gets the first reason in the
        // batch order (BatchRowReasons.All).
        var errors = new List<ApiFieldError>();
        var query = AgencyQueryRules.Check(row.NationalCode, row.CertificateNumber, row.FirstName, row.LastName, certificateNumberOptional, errors);
        if (query is null)
        {
            var reason = BatchRowReasons.All.First(reason => errors.Any(error => error.Code == reason.Code)).Code;
            return CheckedBatchRow.Invalid(row.RowNumber, rowId, reason);
        }

        var (nationalCode, certificateNumber) = (query.NationalCode, query.CertificateNumber ?? string.Empty);
        if (!keys.Add((nationalCode, certificateNumber)))
        {
            return CheckedBatchRow.Invalid(row.RowNumber, rowId, BatchRowReasons.DuplicateRow);
        }

        return new CheckedBatchRow(row.RowNumber, rowId, nationalCode, certificateNumber, query.FirstName ?? string.Empty, query.LastName ?? string.Empty, null);
    }

    private static bool TooLong(string value) => value.Length > MaxFieldLength;

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
