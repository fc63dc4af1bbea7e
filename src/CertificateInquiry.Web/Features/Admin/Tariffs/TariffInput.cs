using System.Globalization;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Admin.Tariffs;

/// <summary>Reading what people type for a tariff: amounts in rials and Jalali years, in any digit script.</summary>
public static class TariffInput
{
    /// <summary>The largest amount accepted: ten billion rials, far above any inquiry fee, to catch an extra zero or two.</summary>
    public const long MaxAmountRials = 10_000_000_000;

    public const string AmountRequired = "مبلغ را به ریال وارد کنید.";
    public const string AmountNotNumber = "مبلغ را فقط با رقم و به ریال بنویسید؛ مثلاً ۳۵۰۰۰۰۰ یا ۳٬۵۰۰٬۰۰۰.";
    public const string AmountZero = "مبلغ باید بیش از صفر باشد.";
    public const string AmountTooLarge = "مبلغ بیش از ده میلیارد ریال است؛ آن را دوباره بررسی کنید.";
    public const string YearRequired = "سال را وارد کنید.";
    public const string YearNotJalali = "سال را شمسی و چهاررقمی بنویسید؛ مثلاً ۱۴۰۶.";

    /// <summary>
    /// An amount in rials: Persian, Arabic or ASCII digits, with thousands separators (٬ , ، or spaces) and «ریال»
    /// after it tolerated. Returns the Persian reason when it is not one.
    /// </summary>
    public static string? TryParseAmount(string? text, out long amountRials)
    {
        amountRials = 0;
        var cleaned = PersianText.NormalizeDigits(text).Replace("ریال", "", StringComparison.Ordinal);
        cleaned = new string([.. cleaned.Where(c => !char.IsWhiteSpace(c) && c is not (',' or '٬' or '،' or '\u200C'))]);
        if (cleaned.Length == 0)
        {
            return AmountRequired;
        }

        if (!cleaned.All(char.IsAsciiDigit))
        {
            return AmountNotNumber;
        }

        if (cleaned.TrimStart('0').Length > 12 || !long.TryParse(cleaned, NumberStyles.None, CultureInfo.InvariantCulture, out amountRials))
        {
            return AmountTooLarge;
        }

        return amountRials switch
        {
            0 => AmountZero,
            > MaxAmountRials => AmountTooLarge,
            _ => null,
        };
    }

    /// <summary>A four-digit Jalali year in any digit script; the Persian reason when it is not one.</summary>
    public static string? TryParseYear(string? text, out int year)
    {
        year = 0;
        var cleaned = PersianText.NormalizeCode(text);
        if (cleaned.Length == 0)
        {
            return YearRequired;
        }

        return cleaned.Length == 4 && int.TryParse(cleaned, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1300 and < 1500
            ? null
            : YearNotJalali;
    }
}
