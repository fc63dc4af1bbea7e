using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using CertificateInquiry.Web.Domain;

namespace CertificateInquiry.Web.Features.CertificateImport;

/// <summary>
/// Writes validated rows with prepared ADO.NET commands in one transaction (EF change tracking costs several
/// times more per row than the import's target allows; see docs/decisions). Existing rows are looked up a chunk
/// at a time; a table that was empty when the import began is not searched at all.
/// </summary>
internal sealed class CertificateImportWriter : IAsyncDisposable
{
    private const string PersonColumns = "\"NationalCode\", \"FirstName\", \"LastName\", \"FatherName\", \"BirthDate\", \"Gender\"";
    private const string CertificateColumns =
        "\"Number\", \"Kind\", \"PersonId\", \"StandardId\", \"ExamDate\", \"IssueDate\", \"ExpiryDate\", \"ProvinceId\", "
        + "\"TrainingCenter\", \"Status\", \"Program\"";

    private readonly DbConnection connection;
    private readonly DbTransaction transaction;
    private readonly ImportSqlDialect dialect;
    private readonly object now;
    private readonly string source;
    private readonly List<DbCommand> commands = [];
    private readonly DbCommand selectPeople;
    private readonly DbCommand insertPerson;
    private readonly DbCommand updatePerson;
    private readonly DbCommand selectCertificates;
    private readonly DbCommand insertCertificate;
    private readonly DbCommand updateCertificate;
    private readonly DbCommand insertStandard;
    private readonly DbCommand updateStandard;

    /// <summary>Standards by code: those in the database, then those this import wrote.</summary>
    private readonly Dictionary<string, StoredStandard> standards = new(StringComparer.Ordinal);

    /// <summary>People this import has already matched or written, by national code.</summary>
    private readonly Dictionary<long, long> personIds = [];
    private readonly HashSet<string> standardsSeen = new(StringComparer.Ordinal);
    private readonly List<string> indexesToRebuild = [];
    private bool peopleTableWasEmpty;
    private bool certificatesTableWasEmpty;
    private bool committed;

    private CertificateImportWriter(
        DbConnection connection, DbTransaction transaction, ImportSqlDialect dialect, DateTime now, RecordSource source)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.dialect = dialect;
        this.now = dialect.Timestamp(now);
        this.source = source.ToString();

        selectPeople = Command(
            $"SELECT \"Id\", {PersonColumns} FROM \"People\" WHERE \"NationalCode\" IN ({dialect.JsonValues})", "@keys");
        insertPerson = Command(
            dialect.InsertReturningId("People", PersonColumns + ", \"CreatedAtUtc\", \"UpdatedAtUtc\"",
                "@NationalCode, @FirstName, @LastName, @FatherName, @BirthDate, @Gender, @Now, @Now"),
            "@NationalCode", "@FirstName", "@LastName", "@FatherName", "@BirthDate", "@Gender", "@Now");
        updatePerson = Command(
            "UPDATE \"People\" SET \"FirstName\" = @FirstName, \"LastName\" = @LastName, \"FatherName\" = @FatherName, "
            + "\"BirthDate\" = @BirthDate, \"Gender\" = @Gender, \"UpdatedAtUtc\" = @Now WHERE \"Id\" = @Id",
            "@FirstName", "@LastName", "@FatherName", "@BirthDate", "@Gender", "@Now", "@Id");
        selectCertificates = Command(
            $"SELECT \"Id\", {CertificateColumns} FROM \"Certificates\" WHERE \"Number\" IN ({dialect.JsonValues})", "@keys");
        insertCertificate = Command(
            $"INSERT INTO \"Certificates\" ({CertificateColumns}, \"Source\", \"VerificationCode\", \"CreatedAtUtc\", \"UpdatedAtUtc\") "
            + "VALUES (@Number, @Kind, @PersonId, @StandardId, @ExamDate, @IssueDate, @ExpiryDate, @ProvinceId, "
            + "@TrainingCenter, @Status, @Program, @Source, @VerificationCode, @Now, @Now)",
            "@Number", "@Kind", "@PersonId", "@StandardId", "@ExamDate", "@IssueDate", "@ExpiryDate", "@ProvinceId",
            "@TrainingCenter", "@Status", "@Program", "@Source", "@VerificationCode", "@Now");
        updateCertificate = Command(
            "UPDATE \"Certificates\" SET \"Kind\" = @Kind, \"PersonId\" = @PersonId, \"StandardId\" = @StandardId, "
            + "\"ExamDate\" = @ExamDate, \"IssueDate\" = @IssueDate, \"ExpiryDate\" = @ExpiryDate, \"ProvinceId\" = @ProvinceId, "
            + "\"TrainingCenter\" = @TrainingCenter, \"Status\" = @Status, \"Program\" = @Program, \"UpdatedAtUtc\" = @Now "
            + "WHERE \"Id\" = @Id",
            "@Kind", "@PersonId", "@StandardId", "@ExamDate", "@IssueDate", "@ExpiryDate", "@ProvinceId",
            "@TrainingCenter", "@Status", "@Program", "@Now", "@Id");
        insertStandard = Command(
            dialect.InsertReturningId("TrainingStandards", "\"Code\", \"Title\", \"Hours\", \"CreatedAtUtc\", \"UpdatedAtUtc\"",
                "@Code, @Title, @Hours, @Now, @Now"),
            "@Code", "@Title", "@Hours", "@Now");
        updateStandard = Command(
            "UPDATE \"TrainingStandards\" SET \"Title\" = @Title, \"Hours\" = @Hours, \"UpdatedAtUtc\" = @Now WHERE \"Id\" = @Id",
            "@Title", "@Hours", "@Now", "@Id");
        Set(insertCertificate, "@Source", this.source);
        foreach (var command in new[] { insertPerson, updatePerson, insertCertificate, updateCertificate, insertStandard, updateStandard })
        {
            Set(command, "@Now", this.now);
        }
    }

    public static async Task<CertificateImportWriter> BeginAsync(
        DbConnection connection, ImportSqlDialect dialect, DateTime now, RecordSource source, CancellationToken cancellationToken)
    {
        if (dialect.PrepareConnection is { } prepare)
        {
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // A constant of the dialect.
            command.CommandText = prepare;
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var transaction = await connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        var writer = new CertificateImportWriter(connection, transaction, dialect, now, source);
        await writer.LoadStartingStateAsync(cancellationToken);
        return writer;
    }

    public async Task WriteChunkAsync(IReadOnlyList<CertificateImportRow> rows, ImportResult result, CancellationToken cancellationToken)
    {
        await UpsertStandardsAsync(rows, result, cancellationToken);
        var linesThatChangedAPerson = await UpsertPeopleAsync(rows, result, cancellationToken);
        var existing = certificatesTableWasEmpty ? [] : await LoadCertificatesAsync(rows, cancellationToken);

        foreach (var row in rows)
        {
            var wanted = new StoredCertificate(
                0, row.Kind.ToString(), personIds[long.Parse(row.NationalCode, CultureInfo.InvariantCulture)],
                standards[row.StandardCode].Id, row.ExamDate, row.IssueDate, row.ExpiryDate, row.ProvinceId,
                row.TrainingCenter, row.Status.ToString(), row.Program.ToString());

            if (!existing.TryGetValue(row.Number, out var current))
            {
                SetCertificateFields(insertCertificate, wanted);
                Set(insertCertificate, "@Number", row.Number);
                Set(insertCertificate, "@VerificationCode", VerificationCode.New());
                await insertCertificate.ExecuteNonQueryAsync(cancellationToken);
                result.Inserted++;
            }
            else if (current with { Id = 0 } != wanted)
            {
                SetCertificateFields(updateCertificate, wanted);
                Set(updateCertificate, "@Id", current.Id);
                await updateCertificate.ExecuteNonQueryAsync(cancellationToken);
                result.Updated++;
            }
            else if (linesThatChangedAPerson.Contains(row.Line))
            {
                result.Updated++;
            }
            else
            {
                result.Unchanged++;
            }
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        foreach (var createIndex in indexesToRebuild)
        {
            await using var command = Command(createIndex);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!committed)
        {
            await transaction.RollbackAsync();
        }

        foreach (var command in commands)
        {
            await command.DisposeAsync();
        }

        await transaction.DisposeAsync();
    }

    private async Task LoadStartingStateAsync(CancellationToken cancellationToken)
    {
        await using (var select = Command("SELECT \"Id\", \"Code\", \"Title\", \"Hours\" FROM \"TrainingStandards\""))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                standards[reader.GetString(1)] = new StoredStandard(reader.GetInt32(0), reader.GetString(2), reader.GetInt32(3));
            }
        }

        peopleTableWasEmpty = !await AnyRowAsync("People", cancellationToken);
        certificatesTableWasEmpty = !await AnyRowAsync("Certificates", cancellationToken);

        // An empty table is never searched during the load (ids are kept in memory), so its indexes can wait.
        if (peopleTableWasEmpty)
        {
            await DropIndexesUntilCommitAsync("People", cancellationToken);
        }

        if (certificatesTableWasEmpty)
        {
            await DropIndexesUntilCommitAsync("Certificates", cancellationToken);
        }
    }

    private async Task DropIndexesUntilCommitAsync(string table, CancellationToken cancellationToken)
    {
        if (dialect.IndexDefinitionsQuery is not { } query)
        {
            return;
        }

        var indexes = new List<(string Name, string Create)>();
        await using (var select = Command(query, "@table"))
        {
            Set(select, "@table", table);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, create) in indexes)
        {
            await using var drop = Command($"DROP INDEX \"{name}\"");
            await drop.ExecuteNonQueryAsync(cancellationToken);
            indexesToRebuild.Add(create);
        }
    }

    private async Task<bool> AnyRowAsync(string table, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT CASE WHEN EXISTS (SELECT 1 FROM \"{table}\") THEN 1 ELSE 0 END");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>Creates or updates the standards the chunk names for the first time in this import.</summary>
    private async Task UpsertStandardsAsync(IReadOnlyList<CertificateImportRow> rows, ImportResult result, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            if (!standardsSeen.Add(row.StandardCode))
            {
                continue;
            }

            Set(insertStandard, "@Title", row.StandardTitle);
            Set(insertStandard, "@Hours", row.StandardHours);
            if (!standards.TryGetValue(row.StandardCode, out var current))
            {
                Set(insertStandard, "@Code", row.StandardCode);
                var id = Convert.ToInt32(await insertStandard.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                standards[row.StandardCode] = new StoredStandard(id, row.StandardTitle, row.StandardHours);
                result.StandardsInserted++;
            }
            else if (current.Title != row.StandardTitle || current.Hours != row.StandardHours)
            {
                Set(updateStandard, "@Title", row.StandardTitle);
                Set(updateStandard, "@Hours", row.StandardHours);
                Set(updateStandard, "@Id", current.Id);
                await updateStandard.ExecuteNonQueryAsync(cancellationToken);
                standards[row.StandardCode] = current with { Title = row.StandardTitle, Hours = row.StandardHours };
                result.StandardsUpdated++;
            }
        }
    }

    /// <summary>Matches or writes the chunk's people; returns the lines whose row changed a stored person.</summary>
    private async Task<HashSet<int>> UpsertPeopleAsync(IReadOnlyList<CertificateImportRow> rows, ImportResult result, CancellationToken cancellationToken)
    {
        var changedOnLines = new HashSet<int>();
        var newInChunk = rows.Where(r => !personIds.ContainsKey(long.Parse(r.NationalCode, CultureInfo.InvariantCulture)))
            .DistinctBy(r => r.NationalCode)
            .ToList();
        if (newInChunk.Count == 0)
        {
            return changedOnLines;
        }

        var existing = peopleTableWasEmpty ? [] : await LoadPeopleAsync(newInChunk, cancellationToken);
        foreach (var row in newInChunk)
        {
            var key = long.Parse(row.NationalCode, CultureInfo.InvariantCulture);
            var wanted = new StoredPerson(0, row.FirstName, row.LastName, row.FatherName, row.BirthDate, row.Gender.ToString());
            if (!existing.TryGetValue(row.NationalCode, out var current))
            {
                Set(insertPerson, "@NationalCode", row.NationalCode);
                SetPersonFields(insertPerson, wanted);
                personIds[key] = Convert.ToInt64(await insertPerson.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                result.PeopleInserted++;
                continue;
            }

            personIds[key] = current.Id;
            if (current with { Id = 0 } != wanted)
            {
                SetPersonFields(updatePerson, wanted);
                Set(updatePerson, "@Id", current.Id);
                await updatePerson.ExecuteNonQueryAsync(cancellationToken);
                result.PeopleUpdated++;
                changedOnLines.Add(row.Line);
            }
        }

        return changedOnLines;
    }

    private async Task<Dictionary<string, StoredPerson>> LoadPeopleAsync(List<CertificateImportRow> rows, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<string, StoredPerson>(StringComparer.Ordinal);
        Set(selectPeople, "@keys", JsonSerializer.Serialize(rows.Select(r => r.NationalCode)));
        await using var reader = await selectPeople.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            existing[reader.GetString(1)] = new StoredPerson(
                reader.GetInt64(0), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateOnly>(5), reader.GetString(6));
        }

        return existing;
    }

    private async Task<Dictionary<string, StoredCertificate>> LoadCertificatesAsync(
        IReadOnlyList<CertificateImportRow> rows, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<string, StoredCertificate>(StringComparer.Ordinal);
        Set(selectCertificates, "@keys", JsonSerializer.Serialize(rows.Select(r => r.Number)));
        await using var reader = await selectCertificates.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            existing[reader.GetString(1)] = new StoredCertificate(
                reader.GetInt64(0), reader.GetString(2), reader.GetInt64(3), reader.GetInt32(4),
                reader.GetFieldValue<DateOnly>(5), reader.GetFieldValue<DateOnly>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateOnly>(7),
                reader.GetInt32(8), reader.GetString(9), reader.GetString(10), reader.GetString(11));
        }

        return existing;
    }

    private void SetPersonFields(DbCommand command, StoredPerson person)
    {
        Set(command, "@FirstName", person.FirstName);
        Set(command, "@LastName", person.LastName);
        Set(command, "@FatherName", person.FatherName);
        Set(command, "@BirthDate", dialect.Date(person.BirthDate));
        Set(command, "@Gender", person.Gender);
    }

    private void SetCertificateFields(DbCommand command, StoredCertificate certificate)
    {
        Set(command, "@Kind", certificate.Kind);
        Set(command, "@PersonId", certificate.PersonId);
        Set(command, "@StandardId", certificate.StandardId);
        Set(command, "@ExamDate", dialect.Date(certificate.ExamDate));
        Set(command, "@IssueDate", dialect.Date(certificate.IssueDate));
        Set(command, "@ExpiryDate", certificate.ExpiryDate is { } expiry ? dialect.Date(expiry) : null);
        Set(command, "@ProvinceId", certificate.ProvinceId);
        Set(command, "@TrainingCenter", certificate.TrainingCenter);
        Set(command, "@Status", certificate.Status);
        Set(command, "@Program", certificate.Program);
    }

    private DbCommand Command(string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The text is built from constants only; every value travels as a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var name in parameterNames)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        commands.Add(command);
        return command;
    }

    private static void Set(DbCommand command, string name, object? value)
    {
        // Names are string literals, so a reference check finds them without comparing characters.
        var parameters = command.Parameters;
        for (var i = 0; i < parameters.Count; i++)
        {
            if (ReferenceEquals(parameters[i].ParameterName, name) || parameters[i].ParameterName == name)
            {
                parameters[i].Value = value ?? DBNull.Value;
                return;
            }
        }

        throw new ArgumentException("No parameter " + name, nameof(name));
    }

    private sealed record StoredStandard(int Id, string Title, int Hours);

    private sealed record StoredPerson(long Id, string FirstName, string LastName, string FatherName, DateOnly BirthDate, string Gender);

    private sealed record StoredCertificate(
        long Id, string Kind, long PersonId, int StandardId, DateOnly ExamDate, DateOnly IssueDate, DateOnly? ExpiryDate,
        int ProvinceId, string TrainingCenter, string Status, string Program);
}
