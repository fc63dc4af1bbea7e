using CertificateInquiry.IntegrationTests.Infrastructure;

namespace CertificateInquiry.IntegrationTests.Operations;

/// <summary>The operator's command, run as the real executable with its own database.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ci-command-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "CertificateInquiry.Web.dll"), .. arguments],
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(folder, "portal.db")}",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
                ["PWD"] = null,
            },
            workingDirectory: folder); // a web server would never exit: the timeout fails the test

    [Fact]
    public async Task Imports_a_file_reports_counts_and_reports_all_unchanged_the_second_time()
    {
        var path = Path.Combine(folder, "certificates.csv");
        await File.WriteAllBytesAsync(path, ImportFiles.Generated(200));

        var first = await RunAsync("import-certificates", path);
        var second = await RunAsync("import-certificates", "certificates.csv"); // relative to the working folder

        Assert.True(first.ExitCode == 0, first.Errors);
        Assert.Contains("206 inserted, 0 updated, 0 unchanged", first.Output, StringComparison.Ordinal);
        Assert.Contains("۲۰۶ جدید", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Errors);
        Assert.Contains("0 inserted, 0 updated, 206 unchanged", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_file_exits_non_zero_names_the_row_and_writes_nothing()
    {
        var good = Path.Combine(folder, "good.csv");
        var bad = Path.Combine(folder, "bad.csv");
        await File.WriteAllBytesAsync(good, ImportFiles.Csv(ImportFiles.Row("1402-04-000001")));
        await File.WriteAllBytesAsync(bad, ImportFiles.Csv(
            ImportFiles.Row("1402-04-000001", ("status", "revoked")),
            ImportFiles.Row("1402-04-000002", ("national_code", "0076543219"))));

        await RunAsync("import-certificates", good);
        var result = await RunAsync("import-certificates", bad);
        var again = await RunAsync("import-certificates", good);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("سطر ۳، ستون national_code", result.Errors, StringComparison.Ordinal);
        Assert.Contains("line 3, column national_code", result.Errors, StringComparison.Ordinal);
        Assert.Contains("nothing was written", result.Errors, StringComparison.Ordinal);
        Assert.Contains("0 inserted, 0 updated, 1 unchanged", again.Output, StringComparison.Ordinal); // still valid, not revoked
    }

    [Fact]
    public async Task An_unknown_command_or_missing_file_says_how_to_use_it()
    {
        var unknown = await RunAsync("import-everything");
        var missing = await RunAsync("import-certificates", Path.Combine(folder, "nope.csv"));

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("import-certificates FILE.csv", unknown.Errors, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("File not found", missing.Errors, StringComparison.Ordinal);
    }
}
