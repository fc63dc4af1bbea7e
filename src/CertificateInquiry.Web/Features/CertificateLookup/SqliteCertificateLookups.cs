using System.Collections.Concurrent;
using System.Globalization;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using Microsoft.Data.Sqlite;

namespace CertificateInquiry.Web.Features.CertificateLookup;

/// <summary>
/// The online inquiry's reads on the embedded SQLite database, through a small pool of connections that stay open,
/// each with the three statements prepared once. Through EF every lookup opened a connection (which re-registers
/// EF's SQL functions and runs its pragmas), prepared the four-table join and closed again: three quarters of the
/// database time of a lookup under load (ADR-012). The SQL is the projection of <see cref="EfCertificateLookups"/>;
/// a test holds the two to the same answers.
/// </summary>
public sealed class SqliteCertificateLookups(DatabaseConnection database) : ICertificateLookups, IDisposable
{
    private const string Select = """
        SELECT c."Id", c."Number", c."Kind", p."NationalCode", p."FirstName", p."LastName", p."FatherName",
               s."Title", s."Code", s."Hours", c."ExamDate", c."IssueDate", c."ExpiryDate", v."Name",
               c."TrainingCenter", c."Program", c."Status", c."VerificationCode", p."Nationality"
        FROM "Certificates" AS c
        JOIN "People" AS p ON p."Id" = c."PersonId"
        JOIN "TrainingStandards" AS s ON s."Id" = c."StandardId"
        JOIN "Provinces" AS v ON v."Id" = c."ProvinceId"
        """;

    private readonly ConcurrentBag<PreparedConnection> idle = [];
    private readonly int maxIdle = Environment.ProcessorCount * 4;
    private bool disposed;

    public Task<CertificateRecord?> FindAsync(string certificateNumber, string nationalCode) =>
        Task.FromResult(Run(prepared => Read(prepared.ByNumberAndNationalCode, certificateNumber, nationalCode)));

    public Task<CertificateRecord?> FindByNumberAsync(string certificateNumber) =>
        Task.FromResult(Run(prepared => Read(prepared.ByNumber, certificateNumber)));

    public Task<CertificateRecord?> FindByVerificationCodeAsync(string verificationCode) =>
        Task.FromResult(Run(prepared => Read(prepared.ByVerificationCode, verificationCode)));

    public Task<IReadOnlyList<CertificateRecord>> FindAllByNationalCodeAsync(string nationalCode) =>
        Task.FromResult(Run<IReadOnlyList<CertificateRecord>>(prepared => ReadAll(prepared.ByNationalCode, nationalCode)));

    public void Dispose()
    {
        disposed = true;
        while (idle.TryTake(out var prepared))
        {
            prepared.Dispose();
        }
    }

    private T Run<T>(Func<PreparedConnection, T> read)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var prepared = idle.TryTake(out var pooled) ? pooled : new PreparedConnection(database.ConnectionString);
        var healthy = false;
        try
        {
            var record = read(prepared);
            healthy = true;
            return record;
        }
        finally
        {
            // A connection whose statement failed (busy, I/O) is not trusted again; the pool stays small.
            if (healthy && !disposed && idle.Count < maxIdle)
            {
                idle.Add(prepared);
            }
            else
            {
                prepared.Dispose();
            }
        }
    }

    private static CertificateRecord? Read(SqliteCommand command, params string[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        using var reader = command.ExecuteReader();
        return reader.Read() ? Record(reader) : null;
    }

    private static List<CertificateRecord> ReadAll(SqliteCommand command, string value)
    {
        command.Parameters[0].Value = value;
        using var reader = command.ExecuteReader();
        var records = new List<CertificateRecord>();
        while (reader.Read())
        {
            records.Add(Record(reader));
        }

        return records;
    }

    private static CertificateRecord Record(SqliteDataReader reader) =>
        new(
            reader.GetInt64(0),
            reader.GetString(1),
            Enum.Parse<CertificateKind>(reader.GetString(2)),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetString(5),
            reader.GetString(6),
            reader.GetString(7),
            reader.GetString(8),
            reader.GetInt32(9),
            Date(reader.GetString(10)),
            Date(reader.GetString(11)),
            reader.IsDBNull(12) ? null : Date(reader.GetString(12)),
            reader.GetString(13),
            reader.GetString(14),
            Enum.Parse<TrainingProgram>(reader.GetString(15)),
            Enum.Parse<CertificateStatus>(reader.GetString(16)),
            reader.GetString(17),
            reader.IsDBNull(18) ? null : reader.GetString(18));

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class PreparedConnection : IDisposable
    {
        private readonly SqliteConnection connection;

        public PreparedConnection(string connectionString)
        {
            connection = new SqliteConnection(connectionString);
            connection.Open();
            ByNumberAndNationalCode = Prepare(Select + """ WHERE c."Number" = $number AND p."NationalCode" = $nationalCode LIMIT 1""", "$number", "$nationalCode");
            ByNumber = Prepare(Select + """ WHERE c."Number" = $number LIMIT 1""", "$number");
            ByVerificationCode = Prepare(Select + """ WHERE c."VerificationCode" = $code LIMIT 1""", "$code");
            ByNationalCode = Prepare(Select + """ WHERE p."NationalCode" = $nationalCode ORDER BY c."IssueDate", c."Id" """, "$nationalCode");
        }

        public SqliteCommand ByNumberAndNationalCode { get; }

        public SqliteCommand ByNumber { get; }

        public SqliteCommand ByVerificationCode { get; }

        public SqliteCommand ByNationalCode { get; }

        public void Dispose()
        {
            ByNumberAndNationalCode.Dispose();
            ByNumber.Dispose();
            ByVerificationCode.Dispose();
            ByNationalCode.Dispose();
            connection.Dispose();
        }

        private SqliteCommand Prepare(string sql, params string[] parameterNames)
        {
            var command = connection.CreateCommand();
#pragma warning disable CA2100 // Only the constant SQL of this class; values are bound as parameters.
            command.CommandText = sql;
#pragma warning restore CA2100
            foreach (var name in parameterNames)
            {
                command.Parameters.Add(name, SqliteType.Text);
            }

            command.Prepare();
            return command;
        }
    }
}
