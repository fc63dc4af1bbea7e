using System.Diagnostics.CodeAnalysis;

namespace CertificateInquiry.Web.Infrastructure.Commands;

/// <summary>The <c>--name value</c> pairs of an operator command, with usage errors in Persian and English.</summary>
public static class CommandOptions
{
    /// <summary>
    /// Reads <paramref name="arguments"/> as pairs of a known option and its value; each of <paramref name="required"/>
    /// must be there and not blank. An unknown, valueless, repeated or missing option is an error.
    /// </summary>
    public static bool TryRead(
        ReadOnlySpan<string> arguments, IReadOnlyCollection<string> known, IEnumerable<string> required,
        [NotNullWhen(true)] out Dictionary<string, string>? values, [NotNullWhen(false)] out string? error)
    {
        values = null;
        var read = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Length; i += 2)
        {
            var option = arguments[i];
            if (!known.Contains(option, StringComparer.Ordinal))
            {
                error = $"گزینه ناشناخته: {option} | unknown option: {option}";
                return false;
            }

            if (i + 1 >= arguments.Length)
            {
                error = $"گزینه {option} مقدار ندارد. | option {option} needs a value.";
                return false;
            }

            if (!read.TryAdd(option, arguments[i + 1]))
            {
                error = $"گزینه {option} دو بار آمده است. | option {option} is given twice.";
                return false;
            }
        }

        foreach (var option in required)
        {
            if (!read.TryGetValue(option, out var value) || string.IsNullOrWhiteSpace(value))
            {
                error = $"گزینه {option} لازم است. | option {option} is required.";
                return false;
            }
        }

        values = read;
        error = null;
        return true;
    }

    /// <summary>A password option's value; <c>-</c> reads it from the first line of standard input.</summary>
    public static string Password(string value, TextReader input) => value == "-" ? input.ReadLine() ?? "" : value;
}
