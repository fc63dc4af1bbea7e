using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Requests.Form;

/// <summary>Iranian mobile numbers: 09 and nine digits; +98 / 0098 / 98 prefixes and any digit script accepted.</summary>
public static class MobileNumber
{
    public static string Normalize(string? input)
    {
        var digits = PersianText.NormalizeCode(input).Replace("-", "", StringComparison.Ordinal).Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal);
        if (digits.StartsWith("+98", StringComparison.Ordinal))
        {
            return "0" + digits[3..];
        }

        if (digits.StartsWith("0098", StringComparison.Ordinal))
        {
            return "0" + digits[4..];
        }

        if (digits.Length == 12 && digits.StartsWith("98", StringComparison.Ordinal))
        {
            return "0" + digits[2..];
        }

        if (digits.Length == 10 && digits.StartsWith('9'))
        {
            return "0" + digits;
        }

        return digits;
    }

    public static bool IsValid(string? mobile) =>
        mobile is { Length: DataLimits.Mobile } && mobile.StartsWith("09", StringComparison.Ordinal) && mobile.All(char.IsAsciiDigit);
}
