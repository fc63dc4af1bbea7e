namespace CertificateInquiry.Web.Features.CertificateImport;

/// <summary>
/// The few statements where SQLite and SQL Server differ. Both accept double-quoted identifiers and
/// @-named parameters, so everything else the import writer sends is shared.
/// </summary>
internal sealed class ImportSqlDialect
{
    public static readonly ImportSqlDialect Sqlite = new(
        PrepareConnection: "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-200000; PRAGMA temp_store=MEMORY;",
        JsonValues: "SELECT value FROM json_each(@keys)",
        ReturningIdBeforeValues: string.Empty,
        ReturningIdAfterValues: " RETURNING \"Id\"");

    public static readonly ImportSqlDialect SqlServer = new(
        PrepareConnection: null,
        JsonValues: "SELECT [value] FROM OPENJSON(@keys)",
        ReturningIdBeforeValues: " OUTPUT INSERTED.\"Id\"",
        ReturningIdAfterValues: string.Empty);

    private ImportSqlDialect(string? PrepareConnection, string JsonValues, string ReturningIdBeforeValues, string ReturningIdAfterValues)
    {
        this.PrepareConnection = PrepareConnection;
        this.JsonValues = JsonValues;
        this.ReturningIdBeforeValues = ReturningIdBeforeValues;
        this.ReturningIdAfterValues = ReturningIdAfterValues;
    }

    /// <summary>Per-connection settings for a bulk write, if any.</summary>
    public string? PrepareConnection { get; }

    /// <summary>A subquery yielding the strings of the JSON array in parameter <c>@keys</c>.</summary>
    public string JsonValues { get; }

    public string ReturningIdBeforeValues { get; }

    public string ReturningIdAfterValues { get; }

    public string InsertReturningId(string table, string columns, string values) =>
        $"INSERT INTO \"{table}\" ({columns}){ReturningIdBeforeValues} VALUES ({values}){ReturningIdAfterValues}";
}
