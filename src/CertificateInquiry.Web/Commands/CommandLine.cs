using System.CommandLine;
using System.CommandLine.Parsing;
using CertificateInquiry.Web.Features.Agencies;
using CertificateInquiry.Web.Features.CertificateImport;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Startup;

namespace CertificateInquiry.Web.Commands;

/// <summary>
/// Operator commands run by the portal's own executable: <c>dotnet run --project src/CertificateInquiry.Web -- COMMAND …</c>.
/// They use the portal's configuration and database and never start the web server. Parsed by System.CommandLine;
/// a usage error exits with 2 and says what is wrong in Persian and English on standard error, <c>--help</c> lists the
/// commands (and, after a command, its options) on standard output.
/// </summary>
public static class CommandLine
{
    private static readonly string[] HelpNames = ["--help", "-h", "-?"];

    /// <summary>A first argument that is a word (not a <c>--setting value</c> or <c>key=value</c> for the host), or asks for help.</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (HelpNames.Contains(args[0], StringComparer.Ordinal) || (!args[0].StartsWith('-') && !args[0].Contains('=', StringComparison.Ordinal)));

    public static async Task<int> RunAsync(WebApplication app, string[] args, TextWriter output)
    {
        var import = new ImportCertificatesCommand();
        import.SetAction((parsed, cancellation) => InScopeAsync(app, (CertificateImporter importer) =>
            ImportCertificatesCommand.RunAsync(importer, ResolveOperatorPath(import.FilePath(parsed)), output, Console.Error, cancellation)));
        var createUser = new CreateUserCommand();
        createUser.SetAction((parsed, cancellation) => InScopeAsync(app, (StaffUserAccounts accounts) =>
            CreateUserCommand.RunAsync(accounts, createUser.Read(parsed, Console.In), output, Console.Error, cancellation)));
        var resetPassword = new ResetPasswordCommand();
        resetPassword.SetAction((parsed, cancellation) => InScopeAsync(app, (StaffUserAccounts accounts) =>
        {
            var (email, password) = resetPassword.Read(parsed, Console.In);
            return ResetPasswordCommand.RunAsync(accounts, email, password, output, Console.Error, cancellation);
        }));

        var createAgency = new CreateAgencyClientCommand();
        createAgency.SetAction((parsed, cancellation) => InScopeAsync(app, (AgencyRegistry registry) =>
            CreateAgencyClientCommand.RunAsync(registry, app.Services.GetRequiredService<TimeProvider>(), createAgency.Read(parsed), output, Console.Error, cancellation)));

        var migrate = new MigrateCommand();
        migrate.SetAction(async (_, cancellation) =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await MigrateCommand.RunAsync(scope.ServiceProvider.GetRequiredService<Data.AppDbContext>(), output, cancellation);
        });

        var parsed = Parse(args, import, createUser, resetPassword, createAgency, migrate);
        if (!Succeeded(parsed, out var usageError))
        {
            await Console.Error.WriteLineAsync(usageError);
            return 2;
        }

        // Ctrl+C cancels the token the command gets; an exception is not turned into exit code 1 (that means "refused").
        return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = Console.Error });
    }

    /// <summary>
    /// Parses <paramref name="args"/> against the given commands. An argument starting with <c>@</c> is a value, never
    /// a response file to read (an operator's <c>--name @…</c> must not pull in a file's lines as options).
    /// </summary>
    internal static ParseResult Parse(IReadOnlyList<string> args, params Command[] commands)
    {
        var root = new RootCommand($"Operator commands of the certificate inquiry portal. They use the portal's settings and database and never start the web server.{Environment.NewLine}{Examples}");
        root.Options.Remove(root.Options.OfType<VersionOption>().Single()); // --version would start the web server
        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }

        return root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
    }

    /// <summary>Whether the command line is usable; if not, what is wrong in Persian and English, followed by the examples.</summary>
    internal static bool Succeeded(ParseResult parsed, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? usageError)
    {
        if (parsed.Errors.Count == 0)
        {
            usageError = null;
            return true;
        }

        var unknown = parsed.UnmatchedTokens.Select(token => token.StartsWith('-')
            ? $"گزینه ناشناخته: {token} | unknown option: {token}"
            : $"دستور یا مقدار ناشناخته: {token} | unknown command or value: {token}");
        var errors = parsed.Errors.Select(error => error.SymbolResult switch
        {
            _ when error.Message.Contains(" | ", StringComparison.Ordinal) => error.Message, // the commands' own checks
            OptionResult { IdentifierTokenCount: 0 } missing => CommandOptions.IsRequired(missing.Option.Name),
            OptionResult { Tokens.Count: 0 } empty => $"گزینه {empty.Option.Name} مقدار ندارد. | option {empty.Option.Name} needs a value.",
            OptionResult repeated => $"گزینه {repeated.Option.Name} دو بار آمده است. | option {repeated.Option.Name} is given twice.",
            ArgumentResult argument => $"{argument.Argument.Name} لازم است. | {argument.Argument.Name} is required.",
            CommandResult when parsed.UnmatchedTokens.Count > 0 => null, // said above, token by token
            _ => $"دستور درست نیست. | {error.Message}",
        });
        usageError = string.Join(Environment.NewLine, unknown.Concat(errors.OfType<string>()).Distinct(StringComparer.Ordinal).Append(Usage));
        return false;
    }

    private static async Task<int> InScopeAsync<TService>(WebApplication app, Func<TService, Task<int>> run)
        where TService : notnull
    {
        await app.PrepareDatabaseAsync(seedDemoData: false);
        await using var scope = app.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<TService>());
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

    private const string Examples =
        """
        Examples:
          dotnet run --project src/CertificateInquiry.Web -- import-certificates FILE.csv
          dotnet run --project src/CertificateInquiry.Web -- create-user --email E --password P --role NationalAdmin [--name "…"] [--title "…"]
          dotnet run --project src/CertificateInquiry.Web -- create-user --email E --password P --role ProvincialManager|ProvincialExpert --province NAME [--name "…"] [--title "…"]
          dotnet run --project src/CertificateInquiry.Web -- reset-password --email E --password P
            (--password - reads the password from the first line of standard input; the user must change it at the next sign-in)
          dotnet run --project src/CertificateInquiry.Web -- create-agency-client --name "…" --kind Government|Business --scopes inquiry.verify,inquiry.person,batch --quota N [--expires 1406/01/01]
            (prints {"client_id": "…", "client_secret": "…"} on standard output; the secret is shown only this once)
          dotnet run --project src/CertificateInquiry.Web -- migrate
            (applies this version's database migrations and exits: the first step of a rolling upgrade, docs/operations.md)
        """;

    private static readonly string Usage =
        $"دستور یا گزینه‌های آن درست نیست. | Unknown command or options.{Environment.NewLine}{Examples}{Environment.NewLine}  (COMMAND --help lists the options of a command)";
}
