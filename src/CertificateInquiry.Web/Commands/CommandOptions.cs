using System.CommandLine;

namespace CertificateInquiry.Web.Commands;

/// <summary>The <c>--name value</c> options of the operator commands, with usage errors in Persian and English.</summary>
public static class CommandOptions
{
    /// <summary>An option that must be given, with a value that is not blank.</summary>
    public static Option<string> Required(string name, string description)
    {
        var option = new Option<string>(name) { Description = description, Required = true };
        option.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError(IsRequired(name));
            }
        });
        return option;
    }

    public static Option<string> Optional(string name, string description) => new(name) { Description = description };

    public static string IsRequired(string name) => $"گزینه {name} لازم است. | option {name} is required.";

    public const string PasswordDescription =
        "a one-time password of at least 10 characters; - reads it from the first line of standard input (kept out of the shell history and the process list)";

    /// <summary>A password option's value; <c>-</c> reads it from the first line of standard input.</summary>
    public static string Password(string value, TextReader input) => value == "-" ? input.ReadLine() ?? "" : value;
}
