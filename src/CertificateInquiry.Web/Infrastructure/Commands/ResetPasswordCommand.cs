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
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Length; i += 2)
        {
            var option = arguments[i];
            if (!Options.Contains(option, StringComparer.Ordinal))
            {
                error = $"گزینه ناشناخته: {option} | unknown option: {option}";
                return false;
            }

            if (i + 1 >= arguments.Length || !values.TryAdd(option, arguments[i + 1]))
            {
                error = $"گزینه {option} یک مقدار می‌خواهد. | option {option} needs one value.";
                return false;
            }
        }

        foreach (var required in Options)
        {
            if (!values.TryGetValue(required, out var value) || string.IsNullOrWhiteSpace(value))
            {
                error = $"گزینه {required} لازم است. | option {required} is required.";
                return false;
            }
        }

        var password = values["--password"] == "-" ? input.ReadLine() ?? "" : values["--password"];
        reset = (values["--email"], password);
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
