using System.Diagnostics;

namespace CertificateInquiry.IntegrationTests.Operations;

/// <summary>
/// The operator commands' help and usage errors, run as the real executable against Production settings with its own
/// database: help on standard output, errors on standard error with exit code 2, and neither touches the database.
/// </summary>
public sealed class CommandLineHelpTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ci-command-help-").FullName;

    private string Database => Path.Combine(folder, "portal.db");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CertificateInquiry.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Default"] = $"Data Source={Database}";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token); // a web server would never exit: the timeout fails the test
        return (process.ExitCode, await output, await errors);
    }

    [Fact]
    public async Task Help_lists_every_command_on_standard_output_and_starts_neither_the_server_nor_the_database()
    {
        var help = await RunAsync("--help");

        Assert.True(help.ExitCode == 0, help.Errors);
        Assert.Contains("import-certificates <FILE.csv>", help.Output, StringComparison.Ordinal);
        Assert.Contains("create-user", help.Output, StringComparison.Ordinal);
        Assert.Contains("reset-password", help.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("--version", help.Output, StringComparison.Ordinal); // it would start the web server
        Assert.DoesNotContain("Now listening", help.Output, StringComparison.Ordinal);
        Assert.Equal("", help.Errors);
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task Help_after_a_command_lists_its_options_and_which_are_required()
    {
        var createUser = await RunAsync("create-user", "--help");
        var resetPassword = await RunAsync("reset-password", "-h");

        Assert.True(createUser.ExitCode == 0, createUser.Errors);
        foreach (var option in new[] { "--email <email> (REQUIRED)", "--password <password> (REQUIRED)", "--role <role> (REQUIRED)", "--name", "--title", "--province" })
        {
            Assert.Contains(option, createUser.Output, StringComparison.Ordinal);
        }

        Assert.Contains("first line of standard input", createUser.Output, StringComparison.Ordinal);
        Assert.True(resetPassword.ExitCode == 0, resetPassword.Errors);
        Assert.Contains("--email <email> (REQUIRED)", resetPassword.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("--role", resetPassword.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task An_unknown_option_exits_with_2_names_it_on_standard_error_and_leaves_the_database_alone()
    {
        var result = await RunAsync("reset-password", "--email", "admin@tvto.example", "--password", "long enough password", "--colour", "blue");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("گزینه ناشناخته: --colour | unknown option: --colour", result.Errors, StringComparison.Ordinal);
        Assert.Contains("reset-password --email E --password P", result.Errors, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task A_missing_required_option_or_value_exits_with_2_and_names_the_option()
    {
        var missing = await RunAsync("create-user", "--email", "admin@tvto.example", "--role", "NationalAdmin");
        var noValue = await RunAsync("reset-password", "--password", "long enough password", "--email");
        var blank = await RunAsync("reset-password", "--email", " ", "--password", "long enough password");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("گزینه --password لازم است. | option --password is required.", missing.Errors, StringComparison.Ordinal);
        Assert.Equal(2, noValue.ExitCode);
        Assert.Contains("option --email needs a value", noValue.Errors, StringComparison.Ordinal);
        Assert.Equal(2, blank.ExitCode);
        Assert.Contains("option --email is required", blank.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task A_value_starting_with_an_at_sign_is_a_value_not_a_file_of_options_to_read()
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "options.txt"), "admin@tvto.example\n--colour\n"); // read as options, exit 2

        var result = await RunAsync("reset-password", "--email", "@options.txt", "--password", "long enough password");

        Assert.Equal(1, result.ExitCode); // no account has the e-mail "@options.txt"
        Assert.Contains("no user has this e-mail address", result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("--colour", result.Errors, StringComparison.Ordinal);
    }
}
