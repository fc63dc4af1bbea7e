using CertificateInquiry.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CertificateInquiry.IntegrationTests.Data.Schema;

/// <summary>
/// Each provider's <c>Initial</c> builds what the whole chain of migrations before the squash built
/// (docs/decisions/ADR-021): the committed dumps (<c>*-old-chain.schema.txt</c> beside this file) were written from that
/// chain, and <c>Initial</c> must reproduce them line for line. Migrations added after it are not compared: they change
/// the schema on purpose. To write the dumps again, check out the commit that added them (the last before the squash)
/// and run the <c>old_chain</c> tests with <c>CERTIFICATEINQUIRY_WRITE_SCHEMA_DUMPS=1</c>.
/// </summary>
public sealed class SquashedMigrationsTests
{
    private const string SqliteDump = "sqlite-old-chain.schema.txt";
    private const string SqlServerDump = "sqlserver-old-chain.schema.txt";

    [Fact]
    public void Sqlite_migrations_build_the_schema_and_seeded_rows_the_old_chain_built()
    {
        using var connection = MigratedSqlite();

        var differences = Compare(SqliteDump, RecordIfAsked(SqliteDump, SqliteSchemaDump.Write(connection)));

        Assert.True(differences.Count == 0, Explain(SqliteDump, differences));
    }

    [Fact]
    public void Sql_server_script_creates_the_tables_indexes_and_seeded_rows_the_old_chain_created()
    {
        var differences = Compare(SqlServerDump, RecordIfAsked(SqlServerDump, SqlServerScriptSchema.Write(SqlServerScript())));

        Assert.True(differences.Count == 0, Explain(SqlServerDump, differences));
    }

    [Fact]
    public void Sqlite_comparison_fails_on_a_missing_index_an_extra_trigger_or_a_changed_seed_row()
    {
        using var connection = MigratedSqlite();
        Execute(connection, """
            DROP INDEX "IX_Certificates_Number";
            CREATE TRIGGER "Provinces_never_deleted" BEFORE DELETE ON "Provinces" BEGIN SELECT RAISE(ABORT, 'no'); END;
            UPDATE "Provinces" SET "Name" = 'تهران بزرگ' WHERE "Id" = 8;
            """);

        var differences = Compare(SqliteDump, SqliteSchemaDump.Write(connection));

        Assert.Contains(differences, d => d.StartsWith("- index IX_Certificates_Number on Certificates unique=1", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("+ trigger Provinces_never_deleted on Provinces", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("- row Provinces Id=integer:8 | Name=text:تهران", StringComparison.Ordinal));
    }

    [Fact]
    public void Sql_server_comparison_fails_on_a_missing_index_a_lost_default_or_a_raw_statement()
    {
        var script = SqlServerScript();
        var index = script.Split('\n').First(line => line.StartsWith("CREATE UNIQUE INDEX [IX_Certificates_Number]", StringComparison.Ordinal));
        var changed = script
            .Replace(index, "", StringComparison.Ordinal)
            .Replace("[MobileNumbersUsed] int NOT NULL DEFAULT 0", "[MobileNumbersUsed] int NOT NULL", StringComparison.Ordinal)
            + "\nCREATE TRIGGER [Provinces_never_deleted] ON [Provinces] INSTEAD OF DELETE AS RETURN;\n";

        var differences = Compare(SqlServerDump, SqlServerScriptSchema.Write(changed));

        Assert.Contains(differences, d => d.StartsWith("- index CREATE UNIQUE INDEX [IX_Certificates_Number]", StringComparison.Ordinal));
        Assert.Contains("- table [Requests] column [MobileNumbersUsed] int NOT NULL DEFAULT 0", differences);
        Assert.Contains("+ table [Requests] column [MobileNumbersUsed] int NOT NULL", differences);
        Assert.Contains("+ statement CREATE TRIGGER [Provinces_never_deleted] ON [Provinces] INSTEAD OF DELETE AS RETURN;", differences);
    }

    /// <summary>A database built by the first migration only: later ones change the schema on purpose.</summary>
    private static SqliteConnection MigratedSqlite()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var db = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).Options);
        db.GetService<IMigrator>().Migrate(db.Database.GetMigrations().First());
        return connection;
    }

    /// <summary>The script <c>dotnet ef migrations script 0 Initial</c> writes: from an empty database to the first migration.</summary>
    private static string SqlServerScript()
    {
        // Never opened: generating a script needs the provider, not a server.
        using var db = new SqlServerAppDbContext(new DbContextOptionsBuilder<SqlServerAppDbContext>()
            .UseSqlServer("Server=unused;Database=unused;TrustServerCertificate=true").Options);
        return db.GetService<IMigrator>().GenerateScript(toMigration: db.Database.GetMigrations().First());
    }

    /// <summary>Writes the dump into the source tree when asked to (only ever from the chain the dumps record).</summary>
    private static string RecordIfAsked(string dumpName, string dump)
    {
        if (Environment.GetEnvironmentVariable("CERTIFICATEINQUIRY_WRITE_SCHEMA_DUMPS") == "1")
        {
            File.WriteAllText(Path.Combine(SchemaFolder(), dumpName), dump);
        }

        return dump;
    }

    /// <summary>Lines of the committed dump missing from <paramref name="actual"/> ("- "), and lines only in it ("+ ").</summary>
    private static List<string> Compare(string dumpName, string actual)
    {
        var expected = File.ReadAllText(Path.Combine(SchemaFolder(), dumpName)).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var now = actual.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return expected.Except(now, StringComparer.Ordinal).Select(line => "- " + line)
            .Concat(now.Except(expected, StringComparer.Ordinal).Select(line => "+ " + line))
            .ToList();
    }

    private static string Explain(string dumpName, List<string> differences) =>
        $"The migrations no longer build what {dumpName} records (- missing now, + new):\n" + string.Join('\n', differences);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The test's own constant SQL.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    /// <summary>This folder in the source tree (the dumps are committed beside this file, not copied to the output).</summary>
    private static string SchemaFolder() => SourceTree.Path("tests", "CertificateInquiry.IntegrationTests", "Data", "Schema");
}
