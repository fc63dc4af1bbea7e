using System.Text.RegularExpressions;

namespace CertificateInquiry.IntegrationTests.Data.Schema;

/// <summary>
/// The objects a SQL Server migration script (what <c>dotnet ef migrations script</c> writes) leaves behind, as sorted
/// lines that name their table: a column added later by <c>ALTER TABLE … ADD</c> reads the same as one created with
/// its table, each seeded row is one line whatever batch it was inserted in, and indexes are kept as written.
/// A statement this reader does not know (raw SQL, a trigger, a rename, a drop) is kept whole as a
/// <c>statement</c> line, so it cannot disappear from a comparison unnoticed. EF's history and lock statements,
/// transactions and <c>GO</c> separators are left out. No SQL Server is needed: it reads the script's text.
/// </summary>
public static partial class SqlServerScriptSchema
{
    public static string Write(string script)
    {
        var lines = new List<string>();
        var text = script.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        var kept = text.Split('\n')
            .Where(line => line.Trim() is not ("GO" or "BEGIN TRANSACTION;" or "COMMIT;"));
        foreach (var block in string.Join('\n', kept).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var statement = block.Trim('\n');
            if (statement.Length == 0 || statement.Contains("__EFMigrations", StringComparison.Ordinal))
            {
                continue;
            }

            lines.AddRange(Objects(statement));
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines) + "\n";
    }

    private static IEnumerable<string> Objects(string statement)
    {
        var rows = statement.Split('\n');
        if (CreateTable().Match(rows[0]) is { Success: true } create && rows[^1] == ");")
        {
            var table = create.Groups[1].Value;
            yield return $"table {table}";
            foreach (var item in rows[1..^1].Select(r => r.Trim().TrimEnd(',')))
            {
                yield return item.StartsWith("CONSTRAINT ", StringComparison.Ordinal)
                    ? $"table {table} constraint {item}"
                    : $"table {table} column {item}";
            }
        }
        else if (AddColumn().Match(statement) is { Success: true } add)
        {
            yield return $"table {add.Groups[1].Value} column {add.Groups[2].Value}";
        }
        else if (InsertRows().Match(statement) is { Success: true } insert)
        {
            var table = insert.Groups[1].Value;
            var columns = insert.Groups[2].Value;
            foreach (var value in insert.Groups[3].Value.Split('\n').Select(v => v.Trim().TrimEnd(',', ';')))
            {
                yield return $"row {table} ({columns}) {value}";
            }
        }
        else if (CreateIndex().IsMatch(statement))
        {
            yield return $"index {Collapse(statement)}";
        }
        else
        {
            yield return $"statement {Collapse(statement)}";
        }
    }

    private static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^CREATE TABLE (\[[^\]]+\]) \($")]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^ALTER TABLE (\[[^\]]+\]) ADD (\[[^\]]+\] [^\n;]+);$")]
    private static partial Regex AddColumn();

    [GeneratedRegex(@"^CREATE (UNIQUE )?INDEX \[[^\]]+\] ON \[[^\]]+\] \([^\n]+\)( WHERE [^\n]+)?;$")]
    private static partial Regex CreateIndex();

    // EF writes seeded rows as one INSERT with one VALUES tuple a line, between IDENTITY_INSERT switches.
    [GeneratedRegex(
        @"^(?:IF EXISTS \([^\n]+\)\n    SET IDENTITY_INSERT \[[^\]]+\] ON;\n)?INSERT INTO (\[[^\]]+\]) \(([^\n]+)\)\nVALUES (\([^\n]*\)(?:,\n\([^\n]*\))*;)(?:\nIF EXISTS \([^\n]+\)\n    SET IDENTITY_INSERT \[[^\]]+\] OFF;)?$")]
    private static partial Regex InsertRows();
}
