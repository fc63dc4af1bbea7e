using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics.CodeAnalysis;
using CertificateInquiry.Web.Infrastructure.Identity;

namespace CertificateInquiry.Web.Commands;

/// <summary>
/// <c>create-user</c>: a staff account from the command line, which is how the first national admin comes to exist.
/// Exit code 2 for a usage error (with the usage text), 1 when the account cannot be created (weak password, unknown
/// province, e-mail taken), 0 when it was. Messages in Persian and English; never the password.
/// </summary>
public sealed class CreateUserCommand : Command
{
    private readonly Option<string> email = CommandOptions.Required("--email", "the e-mail address the user signs in with");
    private readonly Option<string> password = CommandOptions.Required("--password", CommandOptions.PasswordDescription);
    private readonly Option<string> role = CommandOptions.Required("--role", "NationalAdmin, ProvincialManager or ProvincialExpert");
    private readonly Option<string> name = CommandOptions.Optional("--name", "the user's full name, in Persian");
    private readonly Option<string> title = CommandOptions.Optional("--title", "the user's job title, in Persian");
    private readonly Option<string> province = CommandOptions.Optional("--province", "the province of a ProvincialManager or ProvincialExpert, in Persian (none for a NationalAdmin)");

    public CreateUserCommand()
        : base("create-user", "Create a staff account (the first national admin comes to exist this way); its owner chooses their own password at the first sign-in.")
    {
        Options.Add(email);
        Options.Add(password);
        Options.Add(role);
        Options.Add(name);
        Options.Add(title);
        Options.Add(province);
        Validators.Add(CheckRoleAndProvince);
    }

    /// <summary>Reads the options of <c>create-user</c> (without the command's name); <c>--password -</c> reads <paramref name="input"/>.</summary>
    public static bool TryParse(
        ReadOnlySpan<string> arguments, TextReader input, [NotNullWhen(true)] out NewStaffUser? user, [NotNullWhen(false)] out string? error)
    {
        var command = new CreateUserCommand();
        var parsed = CommandLine.Parse(["create-user", .. arguments], command);
        user = CommandLine.Succeeded(parsed, out error) ? command.Read(parsed, input) : null;
        return user is not null;
    }

    /// <summary>The account a parsed command line asks for. "-" keeps the password out of the shell history and the process list.</summary>
    public NewStaffUser Read(ParseResult parsed, TextReader input) =>
        // Whoever typed the password, its owner replaces it at the first sign-in.
        new(parsed.GetRequiredValue(email), CommandOptions.Password(parsed.GetRequiredValue(password), input), StaffRoles.Find(parsed.GetRequiredValue(role))!,
            parsed.GetValue(name), parsed.GetValue(title), parsed.GetValue(province), MustChangePassword: true);

    private void CheckRoleAndProvince(CommandResult result)
    {
        if (string.IsNullOrWhiteSpace(result.GetValue(role)))
        {
            return; // said by the option itself
        }

        var chosen = StaffRoles.Find(result.GetValue(role));
        if (chosen is null)
        {
            result.AddError("نقش باید NationalAdmin، ProvincialManager یا ProvincialExpert باشد. | --role must be NationalAdmin, ProvincialManager or ProvincialExpert.");
        }
        else if (StaffRoles.IsProvincial(chosen) && string.IsNullOrWhiteSpace(result.GetValue(province)))
        {
            result.AddError("برای این نقش، استان را با --province بنویسید. | --province is required for ProvincialManager and ProvincialExpert.");
        }
        else if (!StaffRoles.IsProvincial(chosen) && result.GetResult(province) is not null)
        {
            result.AddError("مدیر ستادی استان ندارد؛ --province را ننویسید. | a NationalAdmin has no province: leave --province out.");
        }
    }

    public static async Task<int> RunAsync(
        StaffUserAccounts accounts, NewStaffUser newUser, TextWriter output, TextWriter errorOutput, CancellationToken cancellationToken)
    {
        var result = await accounts.CreateAsync(newUser, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await errorOutput.WriteLineAsync(error.ToString());
            }

            await errorOutput.WriteLineAsync("کاربر ساخته نشد. | The user was not created.");
            return 1;
        }

        var user = result.User!;
        await output.WriteLineAsync(
            $"کاربر «{user.Email}» با نقش {StaffRoles.PersianTitle(newUser.Role)} ساخته شد. | User {user.Email} created with role {newUser.Role} (id {user.Id}).");
        await output.WriteLineAsync(
            "در نخستین ورود باید گذرواژه خود را بگذارد. | At first sign-in they must choose their own password.");
        if (StaffRoles.RequiresTwoFactor(newUser.Role))
        {
            await output.WriteLineAsync(
                "در نخستین ورود باید ورود دومرحله‌ای (برنامه احراز هویت) را راه‌اندازی کند. | At first sign-in they must set up an authenticator app.");
        }

        return 0;
    }
}
