using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Features.CertificateImport;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Startup;

namespace CertificateInquiry.Web.Infrastructure.Commands;

/// <summary>
/// Operator commands run by the portal's own executable: <c>dotnet run --project src/CertificateInquiry.Web -- COMMAND …</c>.
/// They use the portal's configuration and database and never start the web server.
/// </summary>
public static class CommandLine
{
    private const string ImportCertificates = "import-certificates";
    private const string CreateUser = "create-user";
    private const string ResetPassword = "reset-password";

    public static bool IsCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        switch (args[0])
        {
            case ImportCertificates when args.Length == 2:
                await app.PrepareDatabaseAsync(seedDemoData: false);
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var importer = scope.ServiceProvider.GetRequiredService<CertificateImporter>();
                    return await ImportCertificatesCommand.RunAsync(
                        importer, ResolveOperatorPath(args[1]), Console.Out, Console.Error, cancellation.Token);
                }

            case CreateUser:
                if (!CreateUserCommand.TryParse(args.AsSpan(1), Console.In, out var newUser, out var usageError))
                {
                    await Console.Error.WriteLineAsync(usageError);
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
                }

                await app.PrepareDatabaseAsync(seedDemoData: false);
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var accounts = scope.ServiceProvider.GetRequiredService<StaffUserAccounts>();
                    return await CreateUserCommand.RunAsync(accounts, newUser, Console.Out, Console.Error, cancellation.Token);
                }

            case ResetPassword:
                if (!ResetPasswordCommand.TryParse(args.AsSpan(1), Console.In, out var reset, out var resetError))
                {
                    await Console.Error.WriteLineAsync(resetError);
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
                }

                await app.PrepareDatabaseAsync(seedDemoData: false);
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var accounts = scope.ServiceProvider.GetRequiredService<StaffUserAccounts>();
                    return await ResetPasswordCommand.RunAsync(
                        accounts, reset.Value.Email, reset.Value.Password, Console.Out, Console.Error, cancellation.Token);
                }

            default:
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }

    /// <summary>
    /// A relative path means relative to where the operator typed the command. <c>dotnet run --project</c> starts
    /// the portal in its project folder, but the shell's PWD still names the operator's folder.
    /// </summary>
    internal static string ResolveOperatorPath(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        var operatorFolder = Environment.GetEnvironmentVariable("PWD");
        var fromOperatorFolder = string.IsNullOrEmpty(operatorFolder) ? null : Path.GetFullPath(path, operatorFolder);
        return fromOperatorFolder is not null && File.Exists(fromOperatorFolder) ? fromOperatorFolder : Path.GetFullPath(path);
    }

    private const string Usage =
        """
        دستور یا گزینه‌های آن درست نیست. | Unknown command or options.
        Usage:
          dotnet run --project src/CertificateInquiry.Web -- import-certificates FILE.csv
          dotnet run --project src/CertificateInquiry.Web -- create-user --email E --password P --role NationalAdmin [--name "…"] [--title "…"]
          dotnet run --project src/CertificateInquiry.Web -- create-user --email E --password P --role ProvincialManager|ProvincialExpert --province NAME [--name "…"] [--title "…"]
          dotnet run --project src/CertificateInquiry.Web -- reset-password --email E --password P
            (--password - reads the password from the first line of standard input; the user must change it at the next sign-in)
        """;
}

/// <summary>Runs the certificate import on a file and prints the outcome in Persian and English.</summary>
public static class ImportCertificatesCommand
{
    public static async Task<int> RunAsync(
        CertificateImporter importer, string path, TextWriter output, TextWriter errorOutput, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            await errorOutput.WriteLineAsync($"فایل پیدا نشد. | File not found: {path}");
            return 2;
        }

        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        var result = await importer.ImportAsync(file, RecordSource.Imported, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await errorOutput.WriteLineAsync(error.ToString());
            }

            await errorOutput.WriteLineAsync(
                $"{Persian.PersianText.ToPersianDigits(result.Errors.Count)} خطا؛ هیچ ردیفی ثبت نشد. | {result.Errors.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} errors; nothing was written.");
            return 1;
        }

        await output.WriteLineAsync(ImportSummary.Format(result));
        return 0;
    }
}
