namespace CertificateInquiry.Web.Features.Staff.PaperLetters;

/// <summary>
/// Reads the list an expert types or pastes from a paper letter: one row a line, in the batch template's column order
/// (row id, national code, certificate number, first name, last name), the values separated by a comma, a Persian
/// comma, a semicolon or a tab (what a spreadsheet gives when its cells are copied). The row id and the names may be
/// left empty or left out; a line of the template's header and empty lines are skipped. Spaces are not separators:
/// names have them.
/// </summary>
public static class TypedRowList
{
    public const int Columns = 5;

    public const string Header = "row_id,national_code,certificate_number,first_name,last_name";

    public const string TooManyColumns = "این سطر بیش از پنج ستون دارد (ردیف، کد ملی یا کد یکتای اتباع، شماره گواهینامه، نام، نام خانوادگی).";

    private static readonly char[] Separators = [',', '،', ';', '؛', '\t'];

    public static List<GivenRow> Parse(string? text)
    {
        var rows = new List<GivenRow>();
        if (string.IsNullOrEmpty(text))
        {
            return rows;
        }

        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line) || line.Replace(" ", "", StringComparison.Ordinal).Equals(Header, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var number = rows.Count + 1;
            var cells = line.Split(Separators).Select(c => c.Trim()).ToArray();
            if (cells.Length > Columns && cells[Columns..].Any(c => c.Length > 0))
            {
                rows.Add(new GivenRow(number, null, line, null, null, null, TooManyColumns));
                continue;
            }

            string? Cell(int index) => index < cells.Length && cells[index].Length > 0 ? cells[index] : null;
            rows.Add(new GivenRow(number, Cell(0), Cell(1), Cell(2), Cell(3), Cell(4)));
        }

        return rows;
    }
}
