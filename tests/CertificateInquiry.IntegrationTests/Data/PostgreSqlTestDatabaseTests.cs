using CertificateInquiry.IntegrationTests.Infrastructure;
using Npgsql;

namespace CertificateInquiry.IntegrationTests.Data;

/// <summary>
/// The PostgreSQL test databases are dropped when their portal is disposed. An autovacuum worker soon visits a copy whose
/// rows were rolled back (an import that wrote nothing, say), and it belongs to no role: a drop that only FORCEs its own
/// role's sessions out failed a CI run that had passed every test.
/// </summary>
public class PostgreSqlTestDatabaseTests
{
    private const int AutovacuumWaitSeconds = 20;

    [SkippableFact]
    public async Task A_test_database_that_autovacuum_is_working_on_is_still_dropped()
    {
        PostgreSqlTestDatabases.SkipUnlessConfigured();
        var database = PostgreSqlTestDatabases.CreateFromTemplate(withDemoData: false);
        await using (var connection = new NpgsqlConnection(PostgreSqlTestDatabases.ConnectionString(database)))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();

            // Dead rows for autovacuum to find, in a table it may vacuum only slowly, so that its worker stays.
            command.CommandText = "CREATE TABLE rolled_back (id integer, filler text) "
                + "WITH (autovacuum_vacuum_cost_delay = 100, autovacuum_vacuum_cost_limit = 1)";
            await command.ExecuteNonQueryAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            command.CommandText = "INSERT INTO rolled_back SELECT n, repeat('x', 200) FROM generate_series(1, 200000) n";
            await command.ExecuteNonQueryAsync();
            await transaction.RollbackAsync();
        }

        NpgsqlConnection.ClearPool(new NpgsqlConnection(PostgreSqlTestDatabases.ConnectionString(database)));
        var deadline = DateTimeOffset.UtcNow.AddSeconds(AutovacuumWaitSeconds);
        var visited = false;
        while (!visited && DateTimeOffset.UtcNow < deadline)
        {
            visited = await ServerScalarAsync("SELECT count(*) FROM pg_stat_activity WHERE datname = @database", database) > 0;
            if (!visited)
            {
                await Task.Delay(100);
            }
        }

        Skip.IfNot(visited, "No autovacuum worker visited the database within " + AutovacuumWaitSeconds + " s: this server's "
            + "autovacuum_naptime is longer (.ci/run sets 1 s).");

        PostgreSqlTestDatabases.Drop(database);

        Assert.Equal(0, await ServerScalarAsync("SELECT count(*) FROM pg_database WHERE datname = @database", database));
    }

    private static async Task<long> ServerScalarAsync(string sql, string database)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgreSqlTestDatabases.Variable));
        await connection.OpenAsync();
#pragma warning disable CA2100 // The two queries of this class, with the name as a parameter.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        command.Parameters.AddWithValue("database", database);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
