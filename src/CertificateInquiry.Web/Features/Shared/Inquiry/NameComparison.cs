using System.Text;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Shared.Inquiry;

/// <summary>
/// Compares a supplied name with the stored one after the public forms' normalization (digits, Arabic ي/ك, marks),
/// ignoring only how the parts are joined: «محمدرضا», «محمد رضا», «محمد‌رضا» and «محمد-رضا» are one name. Any other
/// difference is a mismatch; spellings are not guessed at.
/// </summary>
public static class NameComparison
{
    public static NameMatch Compare(string? supplied, string stored)
    {
        var given = Key(supplied);
        return given.Length == 0 ? NameMatch.NotSupplied
            : string.Equals(given, Key(stored), StringComparison.Ordinal) ? NameMatch.Match
            : NameMatch.Mismatch;
    }

    private static string Key(string? name)
    {
        var normalized = PersianText.Normalize(name);
        var key = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (c is not (' ' or PersianText.ZeroWidthNonJoiner or '-'))
            {
                key.Append(c);
            }
        }

        return key.ToString();
    }
}
