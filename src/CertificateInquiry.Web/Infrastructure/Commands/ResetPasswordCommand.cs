using System.Diagnostics.CodeAnalysis;
using CertificateInquiry.Web.Infrastructure.Identity;

namespace CertificateInquiry.Web.Infrastructure.Commands;

/// <summary>
/// <c>reset-password --email E --password P</c>: a one-time password for a member of staff, for when no national admin
/// can do it from the users page (the only national admin forgot theirs). Its owner must choose their own at the next
/// sign-in; open sessions end within the security-stamp interval. Exit code 2 for a usage error, 1 when no account has
/// the e-mail or the password breaks the rules, 0 when done. Messages in Persian and English; never the password.
/// </summary>
public static class ResetPasswordCommand
{
    private static readonly string[] Options = ["--email", "--password"];

    /// <summary>Reads the options; <c>--password -</c> reads the first line of standard input.</summary>
    public static bool TryParse(
        ReadOnlySpan<string> arguments, TextReader input,
        [NotNullWhen(true)] out (string Email, string Password)? reset, [NotNullWhen(false)] out string? error)
    {
        reset = null;
        if (!CommandOptions.TryRead(arguments, Options, Options, out var values, out error))
        {
            return false;
        }

        reset = (values["--email"], CommandOptions.Password(values["--password"], input));
        error = null;
        return true;
    }

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
