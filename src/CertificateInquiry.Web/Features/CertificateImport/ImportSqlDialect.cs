using System.Data.Common;
using System.Globalization;
using CertificateInquiry.Web.Data;
using Microsoft.Data.Sqlite;

namespace CertificateInquiry.Web.Features.CertificateImport;

/// <summary>
/// The few things the import writer does differently on SQLite, SQL Server and PostgreSQL. All three accept
/// double-quoted identifiers and @-named parameters, so the statements themselves are shared.
/// </summary>
internal abstract class ImportSqlDialect
{
    public static readonly ImportSqlDialect Sqlite = new SqliteDialect();

    public static readonly ImportSqlDialect SqlServer = new SqlServerDialect();

    public static readonly ImportSqlDialect PostgreSql = new PostgreSqlDialect();

    public static ImportSqlDialect For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.SqlServer => SqlServer,
        DatabaseProvider.PostgreSql => PostgreSql,
        _ => Sqlite,
    };

    /// <summary>Per-connection settings for a bulk write, if any.</summary>
    public abstract string? PrepareConnection { get; }

    /// <summary>Puts the connection back as the pool handed it out (the web requests that reuse it need no big cache).</summary>
    public abstract string? RestoreConnection { get; }

    /// <summary>A subquery yielding the strings of the JSON array in parameter <c>@keys</c>.</summary>
    public abstract string JsonValues { get; }

    /// <summary>The fastest way this provider has to insert rows one at a time and learn their ids.</summary>
    public abstract RowInsert CreateInsert(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns);

    /// <summary>
    /// Lists the statements that create a table's secondary indexes, so that a load into an empty table can drop
    /// them and build them once at the end (sorting once is far cheaper than a million random inserts); empty
    /// where the provider gains nothing.
    /// </summary>
    public abstract string? IndexDefinitionsQuery { get; }

    /// <summary>A date as the provider stores it (EF's own representation, so EF reads it back unchanged).</summary>
    public abstract object Date(DateOnly date);

    /// <summary>A UTC instant as the provider stores it.</summary>
    public abstract object Timestamp(DateTime utc);

    /// <summary>A yes/no value as the provider stores it.</summary>
    public virtual object Flag(bool value) => value;

    private sealed class SqliteDialect : ImportSqlDialect
    {
        public override string PrepareConnection => "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-200000; PRAGMA temp_store=MEMORY; PRAGMA threads=2;";

        public override string RestoreConnection => "PRAGMA cache_size=-2000; PRAGMA temp_store=DEFAULT; PRAGMA threads=0;";

        public override string JsonValues => "SELECT value FROM json_each(@keys)";

        public override string IndexDefinitionsQuery =>
            "SELECT \"name\", \"sql\" FROM sqlite_master WHERE \"type\" = 'index' AND \"tbl_name\" = @table AND \"sql\" IS NOT NULL";

        public override RowInsert CreateInsert(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns) =>
            new RowInsert.Sqlite((SqliteConnection)connection, table, columns);

        // EF Core stores DateOnly as TEXT yyyy-MM-dd and DateTime as TEXT yyyy-MM-dd HH:mm:ss.FFFFFFF on SQLite;
        // formatting here is several times cheaper than letting the driver convert every value.
        public override object Date(DateOnly date) =>
            string.Create(10, date, static (span, value) =>
            {
                value.Year.TryFormat(span[..4], out _, "D4", CultureInfo.InvariantCulture);
                span[4] = '-';
                value.Month.TryFormat(span[5..7], out _, "D2", CultureInfo.InvariantCulture);
                span[7] = '-';
                value.Day.TryFormat(span[8..], out _, "D2", CultureInfo.InvariantCulture);
            });

        public override object Timestamp(DateTime utc) =>
            utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

        // EF stores a bool as INTEGER 0 or 1, and the prepared statement binds whole numbers.
        public override object Flag(bool value) => value ? 1L : 0L;
    }

    private sealed class SqlServerDialect : ImportSqlDialect
    {
        public override string? PrepareConnection => null;

        public override string? RestoreConnection => null;

        public override string JsonValues => "SELECT [value] FROM OPENJSON(@keys)";

        public override string? IndexDefinitionsQuery => null;

        public override RowInsert CreateInsert(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns) =>
            new RowInsert.Generic(connection, transaction, table, columns);

        public override object Date(DateOnly date) => date;

        public override object Timestamp(DateTime utc) => utc;
    }

    private sealed class PostgreSqlDialect : ImportSqlDialect
    {
        public override string? PrepareConnection => null;

        public override string? RestoreConnection => null;

        // The parameter travels as text; the cast makes it the JSON array it holds.
        public override string JsonValues => "SELECT json_array_elements_text(CAST(@keys AS json))";

        public override string? IndexDefinitionsQuery => null;

        public override RowInsert CreateInsert(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns) =>
            new RowInsert.Generic(connection, transaction, table, columns, returning: true);

        public override object Date(DateOnly date) => date;

        // timestamp with time zone takes only a UTC DateTime (ADR-036).
        public override object Timestamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc);
    }
}
