using Microsoft.Data.Sqlite;

namespace CertificateInquiry.IntegrationTests.Operations;

/// <summary>The first step of a rolling upgrade: <c>migrate</c>, run as the real executable, whatever MigrateOnStartup says.</summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ci-migrate-").FullName;

    private string Database => Path.Combine(folder, "portal.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "CertificateInquiry.Web.dll"), .. arguments],
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Default"] = $"Data Source={Database};Pooling=False",
                ["Database__MigrateOnStartup"] = "false", // as on the servers of a cluster: only the command migrates
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            },
            workingDirectory: folder); // a web server would never exit: the timeout fails the test

    [Fact]
    public async Task Migrates_a_new_database_then_says_it_is_up_to_date_and_changes_nothing()
    {
        var first = await RunAsync("migrate");
        var tables = await TablesAsync();
        var second = await RunAsync("migrate");

        Assert.True(first.ExitCode == 0, first.Errors);
        Assert.Contains("Applied:", first.Output, StringComparison.Ordinal);
        Assert.Contains("Initial", first.Output, StringComparison.Ordinal);
        Assert.Contains("Certificates", tables);
        Assert.Contains("__EFMigrationsHistory", tables);

        Assert.True(second.ExitCode == 0, second.Errors);
        Assert.Contains("The database is up to date", second.Output, StringComparison.Ordinal);
        Assert.Equal(tables, await TablesAsync());
    }

    private async Task<List<string>> TablesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
