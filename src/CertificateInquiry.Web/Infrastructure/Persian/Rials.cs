using System.Globalization;

namespace CertificateInquiry.Web.Infrastructure.Persian;

/// <summary>The one way amounts of money are shown: rials, Persian digits, the Persian thousands separator.</summary>
public static class Rials
{
    /// <summary>The Arabic thousands separator (U+066C) that Persian text uses: ۳٬۰۰۰٬۰۰۰.</summary>
    public const char ThousandsSeparator = '٬';

    /// <summary>«۳٬۰۰۰٬۰۰۰ ریال».</summary>
    public static string Format(long amountRials) => FormatNumber(amountRials) + " ریال";

    /// <summary>«۳٬۰۰۰٬۰۰۰», for a table whose heading says the unit.</summary>
    public static string FormatNumber(long amountRials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amountRials);
        return PersianText.ToPersianDigits(amountRials.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', ThousandsSeparator));
    }
}
