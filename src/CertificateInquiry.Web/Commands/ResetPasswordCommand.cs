using System.CommandLine;
using CertificateInquiry.Web.Infrastructure.Identity;

namespace CertificateInquiry.Web.Commands;

/// <summary>
/// <c>reset-password --email E --password P</c>: a one-time password for a member of staff, for when no national admin
/// can do it from the users page (the only national admin forgot theirs). Its owner must choose their own at the next
/// sign-in; open sessions end within the security-stamp interval. Exit code 2 for a usage error, 1 when no account has
/// the e-mail or the password breaks the rules, 0 when done. Messages in Persian and English; never the password.
/// </summary>
public sealed class ResetPasswordCommand : Command
{
    private readonly Option<string> email = CommandOptions.Required("--email", "the e-mail address of the staff account");
    private readonly Option<string> password = CommandOptions.Required("--password", CommandOptions.PasswordDescription);

    public ResetPasswordCommand()
        : base("reset-password", "Give a staff account a one-time password (when no national admin can reset it from the users page).")
    {
        Options.Add(email);
        Options.Add(password);
    }

    /// <summary>The e-mail and password of a parsed command line; <c>--password -</c> reads the first line of <paramref name="input"/>.</summary>
    public (string Email, string Password) Read(ParseResult parsed, TextReader input) =>
        (parsed.GetRequiredValue(email), CommandOptions.Password(parsed.GetRequiredValue(password), input));

    public static async Task<int> RunAsync(
        StaffUserAccounts accounts, string email, string password, TextWriter output, TextWriter errorOutput, CancellationToken cancellationToken)
    {
        var result = await accounts.ResetPasswordAsync(email, password, cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await errorOutput.WriteLineAsync(error.ToString());
            }

            await errorOutput.WriteLineAsync("گذرواژه عوض نشد. | The password was not changed.");
            return 1;
        }

        await output.WriteLineAsync(
            $"گذرواژه «{result.User!.Email}» عوض شد؛ کاربر باید در ورود بعدی گذرواژه خود را بگذارد. | The password of {result.User.Email} was reset: they must choose a new one at the next sign-in.");
        return 0;
    }
}
