using System.Diagnostics.CodeAnalysis;
using CertificateInquiry.Web.Infrastructure.Identity;

namespace CertificateInquiry.Web.Infrastructure.Commands;

/// <summary>
/// <c>create-user</c>: a staff account from the command line, which is how the first national admin comes to exist.
/// Exit code 2 for a usage error (with the usage text), 1 when the account cannot be created (weak password, unknown
/// province, e-mail taken), 0 when it was. Messages in Persian and English; never the password.
/// </summary>
public static class CreateUserCommand
{
    private static readonly string[] Options = ["--email", "--password", "--role", "--name", "--title", "--province"];

    /// <summary>Reads the options; a usage error is described in Persian and English. <c>--password -</c> reads stdin.</summary>
    public static bool TryParse(
        ReadOnlySpan<string> arguments, TextReader input, [NotNullWhen(true)] out NewStaffUser? user, [NotNullWhen(false)] out string? error)
    {
        user = null;
        if (!CommandOptions.TryRead(arguments, Options, Options[..3], out var values, out error))
        {
            return false;
        }

        var role = StaffRoles.Find(values["--role"]);
        if (role is null)
        {
            error = "نقش باید NationalAdmin، ProvincialManager یا ProvincialExpert باشد. | --role must be NationalAdmin, ProvincialManager or ProvincialExpert.";
            return false;
        }

        var province = values.GetValueOrDefault("--province");
        if (StaffRoles.IsProvincial(role) && string.IsNullOrWhiteSpace(province))
        {
            error = "برای این نقش، استان را با --province بنویسید. | --province is required for ProvincialManager and ProvincialExpert.";
            return false;
        }

        if (!StaffRoles.IsProvincial(role) && province is not null)
        {
            error = "مدیر ستادی استان ندارد؛ --province را ننویسید. | a NationalAdmin has no province: leave --province out.";
            return false;
        }

        // "-" keeps the password out of the shell history and the process list.
        var password = CommandOptions.Password(values["--password"], input);

        // Whoever typed the password, its owner replaces it at the first sign-in.
        user = new NewStaffUser(values["--email"], password, role, values.GetValueOrDefault("--name"), values.GetValueOrDefault("--title"), province,
            MustChangePassword: true);
        error = null;
        return true;
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
