using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;

namespace CertificateInquiry.IntegrationTests.Staff;

/// <summary>The create-user command as an operator runs it: the real executable, its own database, exit codes.</summary>
public sealed class CreateUserCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("ci-create-user-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private Task<ProcessResult> RunAsync(string? standardInput, params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "CertificateInquiry.Web.dll"), .. arguments],
            new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(folder, "portal.db")}",
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            },
            workingDirectory: folder,
            standardInput: (standardInput ?? "") + Environment.NewLine); // a web server would never exit: the timeout fails the test

    [Fact]
    public async Task Creates_the_first_national_admin_with_the_password_from_standard_input()
    {
        var result = await RunAsync("a passphrase only I know", "create-user", "--email", "first.admin@tvto.example", "--password", "-",
            "--role", "NationalAdmin", "--name", "سارا نوری");

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.Contains("User first.admin@tvto.example created with role NationalAdmin", result.Output, StringComparison.Ordinal);
        Assert.Contains("must set up an authenticator app", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("a passphrase only I know", result.Output + result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weak_password_exits_with_1_and_a_missing_province_with_2()
    {
        var weak = await RunAsync(null, "create-user", "--email", "weak@tvto.example", "--password", "short", "--role", "NationalAdmin");
        var noProvince = await RunAsync(null, "create-user", "--email", "expert@tvto.example", "--password", "long enough password",
            "--role", "ProvincialExpert");

        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("گذرواژه باید دست‌کم ۱۰ نویسه باشد.", weak.Errors, StringComparison.Ordinal);
        Assert.Contains("The user was not created.", weak.Errors, StringComparison.Ordinal);
        Assert.Equal(2, noProvince.ExitCode);
        Assert.Contains("--province is required", noProvince.Errors, StringComparison.Ordinal);
        Assert.Contains("create-user --email E --password P --role NationalAdmin", noProvince.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_password_gives_a_one_time_password_that_must_be_changed_at_the_next_sign_in()
    {
        await RunAsync("a passphrase I forgot", "create-user", "--email", "lost.admin@tvto.example", "--password", "-", "--role", "NationalAdmin");

        var reset = await RunAsync("a one-time passphrase", "reset-password", "--email", "LOST.admin@tvto.example", "--password", "-");
        var weak = await RunAsync("short", "reset-password", "--email", "lost.admin@tvto.example", "--password", "-");
        var unknown = await RunAsync("a one-time passphrase", "reset-password", "--email", "nobody@tvto.example", "--password", "-");
        var (hash, mustChange) = await StoredPasswordAsync("LOST.ADMIN@TVTO.EXAMPLE");
        var hasher = new PasswordHasher<StaffUser>();

        Assert.True(reset.ExitCode == 0, reset.Errors);
        Assert.Contains("must choose a new one at the next sign-in", reset.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("a one-time passphrase", reset.Output + reset.Errors, StringComparison.Ordinal);
        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("گذرواژه باید دست‌کم ۱۰ نویسه باشد.", weak.Errors, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no user has this e-mail address", unknown.Errors, StringComparison.Ordinal);
        Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(new StaffUser(), hash, "a one-time passphrase"));
        Assert.True(mustChange);
    }

    private async Task<(string Hash, bool MustChange)> StoredPasswordAsync(string normalizedEmail)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "portal.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT PasswordHash, MustChangePassword FROM StaffUsers WHERE NormalizedEmail = $email";
        command.Parameters.AddWithValue("$email", normalizedEmail);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetBoolean(1));
    }
}
