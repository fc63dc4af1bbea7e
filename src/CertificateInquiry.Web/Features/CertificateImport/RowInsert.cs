using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace CertificateInquiry.Web.Features.CertificateImport;

/// <summary>
/// One prepared INSERT whose values are set by position (1-based, in column order) and which returns the new
/// row's id. The import's hot path: a million rows go through two of these.
/// </summary>
internal abstract class RowInsert : IAsyncDisposable
{
    /// <summary>Sets a value: text, a whole number, or null (dates arrive already in the provider's form).</summary>
    public abstract void Set(int position, object? value);

    public abstract ValueTask<long> ExecuteAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>
    /// The statement; <paramref name="output"/> goes before VALUES (SQL Server's OUTPUT), <paramref name="returning"/>
    /// after them (PostgreSQL's RETURNING).
    /// </summary>
    protected static string Sql(string table, IReadOnlyList<string> columns, string output, string valuesPrefix, string returning = "") =>
        $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}){output} VALUES ("
        + string.Join(", ", columns.Select((_, i) => valuesPrefix + (i + 1).ToString(CultureInfo.InvariantCulture))) + ")" + returning;

    /// <summary>
    /// Any ADO.NET provider: parameters @p1…@pN, the id from OUTPUT INSERTED (SQL Server) or RETURNING (PostgreSQL).
    /// </summary>
    public sealed class Generic : RowInsert
    {
        private readonly DbCommand command;

        public Generic(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, bool returning = false)
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
#pragma warning disable CA2100 // Built from the writer's own table and column names; values travel as parameters.
            command.CommandText = returning
                ? Sql(table, columns, string.Empty, "@p", " RETURNING \"Id\"")
                : Sql(table, columns, " OUTPUT INSERTED.\"Id\"", "@p");
#pragma warning restore CA2100
            for (var i = 1; i <= columns.Count; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                command.Parameters.Add(parameter);
            }
        }

        public override void Set(int position, object? value) => command.Parameters[position - 1].Value = value ?? DBNull.Value;

        public override async ValueTask<long> ExecuteAsync(CancellationToken cancellationToken) =>
            Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

        public override ValueTask DisposeAsync() => command.DisposeAsync();
    }

    /// <summary>
    /// SQLite through its C API on the connection's own handle (so inside its transaction): values are bound by
    /// position, skipping the driver's per-value lookup of parameter names, which costs more than SQLite's insert.
    /// </summary>
    public sealed class Sqlite : RowInsert
    {
        private readonly sqlite3 database;
        private readonly sqlite3_stmt statement;
        private byte[] utf8 = new byte[1024];

        public Sqlite(SqliteConnection connection, string table, IReadOnlyList<string> columns)
        {
            database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
            Check(raw.sqlite3_prepare_v2(database, Sql(table, columns, string.Empty, "?"), out statement));
        }

        public override void Set(int position, object? value) => Check(value switch
        {
            null => raw.sqlite3_bind_null(statement, position),
            string text => BindText(position, text),
            long number => raw.sqlite3_bind_int64(statement, position, number),
            int number => raw.sqlite3_bind_int64(statement, position, number),
            _ => throw new ArgumentException($"No SQLite binding for {value.GetType().Name}.", nameof(value)),
        });

        public override ValueTask<long> ExecuteAsync(CancellationToken cancellationToken)
        {
            var result = raw.sqlite3_step(statement);
            raw.sqlite3_reset(statement);
            if (result != raw.SQLITE_DONE)
            {
                Check(result);
            }

            return ValueTask.FromResult(raw.sqlite3_last_insert_rowid(database));
        }

        public override ValueTask DisposeAsync()
        {
            statement.Dispose();
            return ValueTask.CompletedTask;
        }

        /// <summary>Encodes into a reused buffer (SQLite copies it) instead of a new array per value.</summary>
        private int BindText(int position, string text)
        {
            var length = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
            if (length > utf8.Length)
            {
                utf8 = new byte[length];
            }

            var written = System.Text.Encoding.UTF8.GetBytes(text, utf8);
            return raw.sqlite3_bind_text(statement, position, utf8.AsSpan(0, written));
        }

        private void Check(int result)
        {
            if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
            {
                throw new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), result);
            }
        }
    }
}
