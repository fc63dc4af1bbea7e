using System.Data;
using System.Data.Common;
using System.Text.Json;
using CertificateInquiry.Web.Domain;

namespace CertificateInquiry.Web.Features.CertificateImport;

/// <summary>
/// Writes validated rows with prepared ADO.NET commands in one transaction: EF change tracking costs
/// several times more per row than the import's target allows (see docs/decisions).
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
    private readonly DateTime now;
    private readonly RecordSource source;
    private readonly DbCommand selectPeople;
    private readonly DbCommand insertPerson;
    private readonly DbCommand updatePerson;
    private readonly DbCommand selectCertificates;
    private readonly DbCommand insertCertificate;
    private readonly DbCommand updateCertificate;
    private bool committed;

    private CertificateImportWriter(
        DbConnection connection, DbTransaction transaction, ImportSqlDialect dialect, DateTime now, RecordSource source)
    {
        this.connection = connection;
        this.transaction = transaction;
        this.dialect = dialect;
        this.now = now;
        this.source = source;

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
        return new CertificateImportWriter(connection, transaction, dialect, now, source);
    }

    /// <summary>Creates or updates the standards named in the file; returns every standard's id by code.</summary>
    public async Task<Dictionary<string, int>> UpsertStandardsAsync(
        IReadOnlyDictionary<string, (string Title, int Hours)> standards, ImportResult result, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<string, (int Id, string Title, int Hours)>(StringComparer.Ordinal);
        await using (var select = Command("SELECT \"Id\", \"Code\", \"Title\", \"Hours\" FROM \"TrainingStandards\""))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                existing[reader.GetString(1)] = (reader.GetInt32(0), reader.GetString(2), reader.GetInt32(3));
            }
        }

        await using var insert = Command(
            dialect.InsertReturningId("TrainingStandards", "\"Code\", \"Title\", \"Hours\", \"CreatedAtUtc\", \"UpdatedAtUtc\"",
                "@Code, @Title, @Hours, @Now, @Now"),
            "@Code", "@Title", "@Hours", "@Now");
        await using var update = Command(
            "UPDATE \"TrainingStandards\" SET \"Title\" = @Title, \"Hours\" = @Hours, \"UpdatedAtUtc\" = @Now WHERE \"Id\" = @Id",
            "@Title", "@Hours", "@Now", "@Id");

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (code, (title, hours)) in standards)
        {
            if (!existing.TryGetValue(code, out var current))
            {
                Set(insert, "@Code", code);
                Set(insert, "@Title", title);
                Set(insert, "@Hours", hours);
                Set(insert, "@Now", now);
                ids[code] = Convert.ToInt32(await insert.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
                result.StandardsInserted++;
                continue;
            }

            ids[code] = current.Id;
            if (current.Title != title || current.Hours != hours)
            {
                Set(update, "@Title", title);
                Set(update, "@Hours", hours);
                Set(update, "@Now", now);
                Set(update, "@Id", current.Id);
                await update.ExecuteNonQueryAsync(cancellationToken);
                result.StandardsUpdated++;
            }
        }

        return ids;
    }

    public async Task WriteChunkAsync(
        IReadOnlyList<CertificateImportRow> rows, IReadOnlyDictionary<string, int> standardIds, ImportResult result,
        CancellationToken cancellationToken)
    {
        var (personIds, linesThatChangedAPerson) = await UpsertPeopleAsync(rows, result, cancellationToken);
        var existing = await LoadCertificatesAsync(rows, cancellationToken);

        foreach (var row in rows)
        {
            var wanted = new StoredCertificate(
                0, row.Kind.ToString(), personIds[row.NationalCode], standardIds[row.StandardCode], row.ExamDate, row.IssueDate,
                row.ExpiryDate, row.ProvinceId, row.TrainingCenter, row.Status.ToString(), row.Program.ToString());

            if (!existing.TryGetValue(row.Number, out var current))
            {
                SetCertificateFields(insertCertificate, wanted);
                Set(insertCertificate, "@Number", row.Number);
                Set(insertCertificate, "@Source", source.ToString());
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
        await transaction.CommitAsync(cancellationToken);
        committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!committed)
        {
            await transaction.RollbackAsync();
        }

        foreach (var command in new[] { selectPeople, insertPerson, updatePerson, selectCertificates, insertCertificate, updateCertificate })
        {
            await command.DisposeAsync();
        }

        await transaction.DisposeAsync();
    }

    private async Task<(Dictionary<string, long> Ids, HashSet<int> ChangedOnLines)> UpsertPeopleAsync(
        IReadOnlyList<CertificateImportRow> rows, ImportResult result, CancellationToken cancellationToken)
    {
        var existing = new Dictionary<string, StoredPerson>(StringComparer.Ordinal);
        Set(selectPeople, "@keys", JsonSerializer.Serialize(rows.Select(r => r.NationalCode).Distinct()));
        await using (var reader = await selectPeople.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                existing[reader.GetString(1)] = new StoredPerson(
                    reader.GetInt64(0), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    reader.GetFieldValue<DateOnly>(5), reader.GetString(6));
            }
        }

        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        var changedOnLines = new HashSet<int>();
        foreach (var row in rows)
        {
            if (ids.ContainsKey(row.NationalCode))
            {
                continue;
            }

            var wanted = new StoredPerson(0, row.FirstName, row.LastName, row.FatherName, row.BirthDate, row.Gender.ToString());
            if (!existing.TryGetValue(row.NationalCode, out var current))
            {
                Set(insertPerson, "@NationalCode", row.NationalCode);
                SetPersonFields(insertPerson, wanted);
                ids[row.NationalCode] = Convert.ToInt64(await insertPerson.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
                result.PeopleInserted++;
                continue;
            }

            ids[row.NationalCode] = current.Id;
            if (current with { Id = 0 } != wanted)
            {
                SetPersonFields(updatePerson, wanted);
                Set(updatePerson, "@Id", current.Id);
                await updatePerson.ExecuteNonQueryAsync(cancellationToken);
                result.PeopleUpdated++;
                changedOnLines.Add(row.Line);
            }
        }

        return (ids, changedOnLines);
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
        Set(command, "@BirthDate", person.BirthDate);
        Set(command, "@Gender", person.Gender);
        Set(command, "@Now", now);
    }

    private void SetCertificateFields(DbCommand command, StoredCertificate certificate)
    {
        Set(command, "@Kind", certificate.Kind);
        Set(command, "@PersonId", certificate.PersonId);
        Set(command, "@StandardId", certificate.StandardId);
        Set(command, "@ExamDate", certificate.ExamDate);
        Set(command, "@IssueDate", certificate.IssueDate);
        Set(command, "@ExpiryDate", certificate.ExpiryDate);
        Set(command, "@ProvinceId", certificate.ProvinceId);
        Set(command, "@TrainingCenter", certificate.TrainingCenter);
        Set(command, "@Status", certificate.Status);
        Set(command, "@Program", certificate.Program);
        Set(command, "@Now", now);
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

        return command;
    }

    private static void Set(DbCommand command, string name, object? value) =>
        command.Parameters[name].Value = value ?? DBNull.Value;

    private sealed record StoredPerson(long Id, string FirstName, string LastName, string FatherName, DateOnly BirthDate, string Gender);

    private sealed record StoredCertificate(
        long Id, string Kind, long PersonId, int StandardId, DateOnly ExamDate, DateOnly IssueDate, DateOnly? ExpiryDate,
        int ProvinceId, string TrainingCenter, string Status, string Program);
}
