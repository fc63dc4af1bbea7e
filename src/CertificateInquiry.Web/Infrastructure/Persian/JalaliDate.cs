using System.Globalization;

namespace CertificateInquiry.Web.Infrastructure.Persian;

/// <summary>
/// Solar hijri (Jalali) dates at the edges: parse what people type, format what they read.
/// Dates are stored as <see cref="DateOnly"/> (Gregorian) and instants as UTC.
/// </summary>
public static class JalaliDate
{
    private static readonly PersianCalendar Calendar = new();

    /// <summary>Parses y/m/d in any digit script, with '/', '-' or '.' between parts: ۱۴۰۲/۵/۱, 1402/05/01, 1402-5-1.</summary>
    public static bool TryParse(string? input, out DateOnly date)
    {
        date = default;
        var text = PersianText.NormalizeCode(input);
        var parts = text.Split('/', '-', '.');
        if (parts.Length != 3
            || parts[0].Length != 4
            || parts[1].Length is < 1 or > 2
            || parts[2].Length is < 1 or > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var day))
        {
            return false;
        }

        return TryCreate(year, month, day, out date);
    }

    /// <summary>The Gregorian date of a Jalali year, month and day, if those name a real day.</summary>
    public static bool TryCreate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year < Calendar.MinSupportedDateTime.Year || year > 1500 || month is < 1 or > 12 || day < 1
            || day > Calendar.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = DateOnly.FromDateTime(Calendar.ToDateTime(year, month, day, 0, 0, 0, 0));
        return true;
    }

    public static DateOnly Create(int year, int month, int day) =>
        TryCreate(year, month, day, out var date)
            ? date
            : throw new ArgumentOutOfRangeException(nameof(day), "Not a Jalali date.");

    public static int YearOf(DateOnly date) => Calendar.GetYear(date.ToDateTime(TimeOnly.MinValue));

    /// <summary>yyyy/MM/dd in ASCII digits, e.g. 1402/05/01 (for files and logs).</summary>
    public static string Format(DateOnly date)
    {
        var moment = date.ToDateTime(TimeOnly.MinValue);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Calendar.GetYear(moment):D4}/{Calendar.GetMonth(moment):D2}/{Calendar.GetDayOfMonth(moment):D2}");
    }

    /// <summary>yyyy/MM/dd in Persian digits, e.g. ۱۴۰۲/۰۵/۰۱ (for pages and reports).</summary>
    public static string FormatPersian(DateOnly date) => PersianText.ToPersianDigits(Format(date));

    /// <summary>A UTC instant as Iran's local Jalali date and time, in Persian digits: ۱۴۰۲/۰۵/۰۱ ۱۴:۰۵.</summary>
    public static string FormatPersian(DateTime utcInstant)
    {
        var local = IranTime.ToIranTime(utcInstant);
        return FormatPersian(DateOnly.FromDateTime(local)) + " "
            + PersianText.ToPersianDigits(local.ToString("HH:mm", CultureInfo.InvariantCulture));
    }
}
