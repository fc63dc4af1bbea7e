using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace CertificateInquiry.IntegrationTests.Data.Schema;

/// <summary>
/// What a set of migrations leaves in a SQLite database, as sorted lines that name their table, so that two
/// databases compare line by line whatever order their columns were added in: every table's columns (type, not null,
/// default, primary-key position) and its definition items as SQLite stores them (collations, AUTOINCREMENT,
/// constraint names, foreign keys), every index (unique, origin, columns, the partial filter in its SQL), every
/// foreign key with its actions, every trigger and view, and every row (a fresh database holds only the seeded ones).
/// EF's own bookkeeping tables (<c>__EFMigrationsHistory</c>, <c>__EFMigrationsLock</c>) and SQLite's are left out.
/// </summary>
public static class SqliteSchemaDump
{
    public static string Write(SqliteConnection connection)
    {
        var lines = new List<string>();
        var objects = Query(connection,
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND tbl_name NOT LIKE '\\_\\_EF%' ESCAPE '\\'");
        foreach (var row in objects)
        {
            var (type, name, table, sql) = ((string)row[0]!, (string)row[1]!, (string)row[2]!, row[3] as string);
            switch (type)
            {
                case "table":
                    lines.AddRange(Table(connection, name, sql!));
                    break;
                case "index":
                    lines.AddRange(Index(connection, table, name, sql));
                    break;
                default: // trigger, view
                    lines.Add($"{type} {name} on {table}: {Collapse(sql ?? "")}");
                    break;
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines) + "\n";
    }

    private static IEnumerable<string> Table(SqliteConnection connection, string table, string sql)
    {
        yield return $"table {table}";
        foreach (var column in Query(connection, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')"))
        {
            yield return $"table {table} column {column[0]} type={column[1]} notnull={column[2]} default={column[3] ?? "none"} pk={column[4]}";
        }

        foreach (var item in DefinitionItems(sql))
        {
            yield return $"table {table} definition {item}";
        }

        foreach (var key in Query(connection,
            $"SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete, \"match\" FROM pragma_foreign_key_list('{table}')"))
        {
            // Not the key's id: it counts the keys in declaration order, which says nothing about the schema.
            yield return $"table {table} foreign-key ({key[3]}) references {key[2]} ({key[4]}) part={key[1]} on-delete={key[6]} on-update={key[5]} match={key[7]}";
        }

        var columns = Query(connection, $"SELECT name FROM pragma_table_info('{table}') ORDER BY name").Select(c => (string)c[0]!).ToList();
        foreach (var row in Query(connection, $"SELECT {string.Join(", ", columns.Select(c => $"typeof(\"{c}\"), \"{c}\""))} FROM \"{table}\""))
        {
            var values = columns.Select((column, i) => $"{column}={row[2 * i]}:{Value(row[(2 * i) + 1])}");
            yield return $"row {table} {string.Join(" | ", values)}";
        }
    }

    private static IEnumerable<string> Index(SqliteConnection connection, string table, string name, string? sql)
    {
        var list = Query(connection, $"SELECT \"unique\", origin, partial FROM pragma_index_list('{table}') WHERE name = '{name}'").Single();
        var columns = Query(connection, $"SELECT seqno, name, \"desc\", coll, key FROM pragma_index_xinfo('{name}') WHERE key = 1 ORDER BY seqno")
            .Select(c => $"{c[1]}{(Convert.ToInt64(c[2], CultureInfo.InvariantCulture) == 1 ? " DESC" : "")} {c[3]}");
        yield return $"index {name} on {table} unique={list[0]} origin={list[1]} partial={list[2]} columns=({string.Join(", ", columns)})";

        // Automatic indexes (primary keys, UNIQUE constraints) have no SQL of their own; the table's definition holds them.
        yield return $"index {name} sql: {Collapse(sql ?? "(automatic)")}";
    }

    /// <summary>The comma-separated items between the outer parentheses of a CREATE TABLE, whitespace collapsed, sorted.</summary>
    internal static IEnumerable<string> DefinitionItems(string createTable)
    {
        var start = createTable.IndexOf('(', StringComparison.Ordinal);
        var end = createTable.LastIndexOf(')');
        var body = createTable[(start + 1)..end];
        var items = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        char? quote = null;
        foreach (var c in body)
        {
            if (quote is { } open)
            {
                if (c == open)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'' or '`' or '[')
            {
                quote = c == '[' ? ']' : c;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                items.Add(Collapse(current.ToString()));
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        items.Add(Collapse(current.ToString()));
        items.Sort(StringComparer.Ordinal);
        return items;
    }

    private static string Value(object? value) => value switch
    {
        null => "null",
        byte[] bytes => Convert.ToHexString(bytes),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()!.Replace("\n", "\\n", StringComparison.Ordinal),
    };

    private static string Collapse(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static List<object?[]> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Names read from sqlite_master of a database the test built itself.
        command.CommandText = sql;
#pragma warning restore CA2100
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
