using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Http;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Staff.PaperLetters;

/// <summary>
/// Checks a paper letter's rows by the one rule of agency queries (<see cref="AgencyQueryRules"/>: the same
/// normalization and reason codes as the API and the batch files), with the certificate number required, and marks a
/// row that repeats an earlier one (same national code and certificate number) as <c>duplicate_row</c>.
/// </summary>
public static class PaperRowCheck
{
    public static List<CheckedRow> Check(IEnumerable<GivenRow> rows)
    {
        var seen = new Dictionary<(string, string?), int>();
        var checkedRows = new List<CheckedRow>();
        foreach (var row in rows)
        {
            var errors = new List<ApiFieldError>();
            if (row.Problem is not null)
            {
                errors.Add(new("row", "too_many_columns", row.Problem, "The line has more than five columns."));
                checkedRows.Add(new CheckedRow(row, null, null, errors));
                continue;
            }

            var rowId = RowId(row.RowId, errors);
            var query = AgencyQueryRules.Check(row.NationalCode, row.CertificateNumber, row.FirstName, row.LastName, certificateNumberOptional: false, errors);
            if (query is not null && rowId.Ok)
            {
                if (seen.TryGetValue((query.NationalCode, query.CertificateNumber), out var first))
                {
                    errors.Add(new("row", "duplicate_row", "تکرار ردیف " + PersianText.ToPersianDigits(first) + " است.", "The row repeats an earlier row."));
                    query = null;
                }
                else
                {
                    seen[(query.NationalCode, query.CertificateNumber)] = row.RowNumber;
                }
            }

            checkedRows.Add(new CheckedRow(row, rowId.Value, rowId.Ok ? query : null, errors));
        }

        return checkedRows;
    }

    // The agency's own id of the row, kept as written (digits made Latin): at most 64 printable characters.
    private static (bool Ok, string? Value) RowId(string? given, List<ApiFieldError> errors)
    {
        var value = PersianText.NormalizeDigits(PersianText.Normalize(given));
        if (value.Length == 0)
        {
            return (true, null);
        }

        if (value.Length > DataLimits.AgencyReference || value.Any(c => char.IsControl(c) || char.IsSurrogate(c)))
        {
            errors.Add(new("rowId", "invalid_row_id", "شناسه ردیف بیش از اندازه بلند است یا نویسه نامجاز دارد.", "row_id is too long or has characters that are not allowed."));
            return (false, null);
        }

        return (true, value);
    }
}
