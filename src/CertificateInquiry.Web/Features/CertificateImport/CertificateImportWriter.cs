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
    private const string PersonColumns = "\"NationalCode\", \"FirstName\", \"LastName\", \"FatherName\", \"BirthDate\", \"Gender\", \"Nationality\"";
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
    private readonly RowInsert insertPerson;
    private readonly DbCommand updatePerson;
    private readonly DbCommand selectCertificates;
    private readonly RowInsert insertCertificate;
    private readonly DbCommand updateCertificate;
    private readonly RowInsert insertStandard;
    private readonly DbCommand updateStandard;

    /// <summary>Standards by code: those in the database, then those this import wrote.</summary>
    private readonly Dictionary<string, StoredStandard> standards = new(StringComparer.Ordinal);

    /// <summary>People this import has already matched or written, by <see cref="PersonKey"/> of their identifier.</summary>
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
        insertPerson = dialect.CreateInsert(connection, transaction, "People",
            ["NationalCode", "FirstName", "LastName", "FatherName", "BirthDate", "Gender", "Nationality", "CreatedAtUtc", "UpdatedAtUtc"]);
        updatePerson = Command(
            "UPDATE \"People\" SET \"FirstName\" = @FirstName, \"LastName\" = @LastName, \"FatherName\" = @FatherName, "
            + "\"BirthDate\" = @BirthDate, \"Gender\" = @Gender, \"Nationality\" = @Nationality, \"UpdatedAtUtc\" = @Now WHERE \"Id\" = @Id",
            "@FirstName", "@LastName", "@FatherName", "@BirthDate", "@Gender", "@Nationality", "@Now", "@Id");
        selectCertificates = Command(
            $"SELECT \"Id\", {CertificateColumns} FROM \"Certificates\" WHERE \"Number\" IN ({dialect.JsonValues})", "@keys");
        insertCertificate = dialect.CreateInsert(connection, transaction, "Certificates",
            ["Number", "Kind", "PersonId", "StandardId", "ExamDate", "IssueDate", "ExpiryDate", "ProvinceId", "TrainingCenter",
                "Status", "Program", "Source", "VerificationCode", "CreatedAtUtc", "UpdatedAtUtc"]);
        updateCertificate = Command(
            "UPDATE \"Certificates\" SET \"Kind\" = @Kind, \"PersonId\" = @PersonId, \"StandardId\" = @StandardId, "
            + "\"ExamDate\" = @ExamDate, \"IssueDate\" = @IssueDate, \"ExpiryDate\" = @ExpiryDate, \"ProvinceId\" = @ProvinceId, "
            + "\"TrainingCenter\" = @TrainingCenter, \"Status\" = @Status, \"Program\" = @Program, \"UpdatedAtUtc\" = @Now "
            + "WHERE \"Id\" = @Id",
            "@Kind", "@PersonId", "@StandardId", "@ExamDate", "@IssueDate", "@ExpiryDate", "@ProvinceId",
            "@TrainingCenter", "@Status", "@Program", "@Now", "@Id");
        // Every column named: the SQLite and SQL Server tables have a default for RequiresPrerequisite, the model (and so
        // PostgreSQL's table) has none.
        insertStandard = dialect.CreateInsert(
            connection, transaction, "TrainingStandards", ["Code", "Title", "Hours", "RequiresPrerequisite", "CreatedAtUtc", "UpdatedAtUtc"]);
        updateStandard = Command(
            "UPDATE \"TrainingStandards\" SET \"Title\" = @Title, \"Hours\" = @Hours, \"UpdatedAtUtc\" = @Now WHERE \"Id\" = @Id",
            "@Title", "@Hours", "@Now", "@Id");
        foreach (var command in new[] { updatePerson, updateCertificate, updateStandard })
        {
            Set(command, "@Now", this.now);
        }
    }

    public static async Task<CertificateImportWriter> BeginAsync(
        DbConnection connection, ImportSqlDialect dialect, DateTime now, RecordSource source, CancellationToken cancellationToken)
    {
        await ExecuteSettingsAsync(connection, dialect.PrepareConnection, cancellationToken);
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
                0, row.Kind.ToString(), personIds[PersonKey(row.NationalCode)],
                standards[row.StandardCode].Id, row.ExamDate, row.IssueDate, row.ExpiryDate, row.ProvinceId,
                row.TrainingCenter, row.Status.ToString(), row.Program.ToString());

            if (!existing.TryGetValue(row.Number, out var current))
            {
                await InsertCertificateAsync(row.Number, wanted, cancellationToken);
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

    /// <summary>
    /// A holder's identifier as a number, for the in-memory maps: a national code (10 digits) as itself, a foreign
    /// national's identifier (12 digits) above every national code, so that 000012345678 and 0012345678 stay apart.
    /// </summary>
    public static long PersonKey(string identifier) =>
        long.Parse(identifier, CultureInfo.InvariantCulture) + (identifier.Length > NationalCodeDigits ? ForeignKeyOffset : 0);

    private const int NationalCodeDigits = 10;
    private const long ForeignKeyOffset = 10_000_000_000_000;

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

        await insertPerson.DisposeAsync();
        await insertCertificate.DisposeAsync();
        await insertStandard.DisposeAsync();

        await transaction.DisposeAsync();
        await ExecuteSettingsAsync(connection, dialect.RestoreConnection, CancellationToken.None);
    }

    private static async Task ExecuteSettingsAsync(DbConnection connection, string? settings, CancellationToken cancellationToken)
    {
        if (settings is null)
        {
            return;
        }

        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // A constant of the dialect.
        command.CommandText = settings;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
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

            if (!standards.TryGetValue(row.StandardCode, out var current))
            {
                insertStandard.Set(1, row.StandardCode);
                insertStandard.Set(2, row.StandardTitle);
                insertStandard.Set(3, row.StandardHours);
                insertStandard.Set(4, dialect.Flag(false));
                insertStandard.Set(5, now);
                insertStandard.Set(6, now);
                var id = (int)await insertStandard.ExecuteAsync(cancellationToken);
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
        var newInChunk = rows.Where(r => !personIds.ContainsKey(PersonKey(r.NationalCode)))
            .DistinctBy(r => r.NationalCode)
            .ToList();
        if (newInChunk.Count == 0)
        {
            return changedOnLines;
        }

        var existing = peopleTableWasEmpty ? [] : await LoadPeopleAsync(newInChunk, cancellationToken);
        foreach (var row in newInChunk)
        {
            var key = PersonKey(row.NationalCode);
            var wanted = new StoredPerson(0, row.FirstName, row.LastName, row.FatherName, row.BirthDate, row.Gender.ToString(), row.Nationality);
            if (!existing.TryGetValue(row.NationalCode, out var current))
            {
                personIds[key] = await InsertPersonAsync(row.NationalCode, wanted, cancellationToken);
                result.PeopleInserted++;
                continue;
            }

            personIds[key] = current.Id;
            if ((current.FirstName, current.LastName, current.FatherName) != (wanted.FirstName, wanted.LastName, wanted.FatherName))
            {
                // An import never renames a holder: the stored name stays, and the row is reported for staff to check
                // (a typo in the file, or a real change of name that the civil registry should confirm). ADR-019.
                result.NameConflicts.Add(new ImportNameConflict(row.Line, row.NationalCode, FullName(current), FullName(wanted)));
                continue;
            }

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

    private static string FullName(StoredPerson person) => $"{person.FirstName} {person.LastName} فرزند {person.FatherName}";

    private async Task<Dictionary<string, StoredPerson>> LoadPeopleAsync(List<CertificateImportRow> rows, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<string, StoredPerson>(StringComparer.Ordinal);
        Set(selectPeople, "@keys", JsonSerializer.Serialize(rows.Select(r => r.NationalCode)));
        await using var reader = await selectPeople.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            existing[reader.GetString(1)] = new StoredPerson(
                reader.GetInt64(0), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateOnly>(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7));
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

    private ValueTask<long> InsertPersonAsync(string nationalCode, StoredPerson person, CancellationToken cancellationToken)
    {
        insertPerson.Set(1, nationalCode);
        insertPerson.Set(2, person.FirstName);
        insertPerson.Set(3, person.LastName);
        insertPerson.Set(4, person.FatherName);
        insertPerson.Set(5, dialect.Date(person.BirthDate));
        insertPerson.Set(6, person.Gender);
        insertPerson.Set(7, person.Nationality);
        insertPerson.Set(8, now);
        insertPerson.Set(9, now);
        return insertPerson.ExecuteAsync(cancellationToken);
    }

    private async ValueTask InsertCertificateAsync(string number, StoredCertificate certificate, CancellationToken cancellationToken)
    {
        insertCertificate.Set(1, number);
        insertCertificate.Set(2, certificate.Kind);
        insertCertificate.Set(3, certificate.PersonId);
        insertCertificate.Set(4, certificate.StandardId);
        insertCertificate.Set(5, dialect.Date(certificate.ExamDate));
        insertCertificate.Set(6, dialect.Date(certificate.IssueDate));
        insertCertificate.Set(7, certificate.ExpiryDate is { } expiry ? dialect.Date(expiry) : null);
        insertCertificate.Set(8, certificate.ProvinceId);
        insertCertificate.Set(9, certificate.TrainingCenter);
        insertCertificate.Set(10, certificate.Status);
        insertCertificate.Set(11, certificate.Program);
        insertCertificate.Set(12, source);
        insertCertificate.Set(13, VerificationCode.New());
        insertCertificate.Set(14, now);
        insertCertificate.Set(15, now);
        await insertCertificate.ExecuteAsync(cancellationToken);
    }

    private void SetPersonFields(DbCommand command, StoredPerson person)
    {
        Set(command, "@FirstName", person.FirstName);
        Set(command, "@LastName", person.LastName);
        Set(command, "@FatherName", person.FatherName);
        Set(command, "@BirthDate", dialect.Date(person.BirthDate));
        Set(command, "@Gender", person.Gender);
        Set(command, "@Nationality", person.Nationality);
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

    private sealed record StoredPerson(long Id, string FirstName, string LastName, string FatherName, DateOnly BirthDate, string Gender, string? Nationality);

    private sealed record StoredCertificate(
        long Id, string Kind, long PersonId, int StandardId, DateOnly ExamDate, DateOnly IssueDate, DateOnly? ExpiryDate,
        int ProvinceId, string TrainingCenter, string Status, string Program);
}
