using System.Globalization;

namespace CertificateInquiry.Web.Infrastructure.Persian;

/// <summary>
/// Solar hijri (Jalali) dates at the edges: parse what people type, format what they read.
/// Dates are stored as <see cref="DateOnly"/> (Gregorian) and instants as UTC.
/// </summary>
public static class JalaliDate
{
    private static readonly PersianCalendar Calendar = new();

    // PersianCalendar takes microseconds per call, too slow for a million-row import; it is asked once for the
    // first day of every year in this range and the months are counted from there (six of 31 days, five of 30,
    // then Esfand). Outside the range the calendar is asked directly.
    private const int FirstTabulatedYear = 1200;
    private const int LastTabulatedYear = 1600;
    private static readonly int[] YearStarts = TabulateYearStarts();

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
        if (year is < FirstTabulatedYear or > LastTabulatedYear || month is < 1 or > 12 || day < 1
            || day > DaysInMonth(year, month))
        {
            return false;
        }

        var dayOfYear = month <= 6 ? (month - 1) * 31 : 186 + ((month - 7) * 30);
        date = DateOnly.FromDayNumber(YearStarts[year - FirstTabulatedYear] + dayOfYear + day - 1);
        return true;
    }

    /// <summary>The Jalali year, month and day of a date.</summary>
    public static (int Year, int Month, int Day) Parts(DateOnly date)
    {
        var dayNumber = date.DayNumber;
        if (dayNumber < YearStarts[0] || dayNumber >= YearStarts[^1])
        {
            var moment = date.ToDateTime(TimeOnly.MinValue);
            return (Calendar.GetYear(moment), Calendar.GetMonth(moment), Calendar.GetDayOfMonth(moment));
        }

        var index = (int)((dayNumber - YearStarts[0]) / 365.2422);
        while (YearStarts[index] > dayNumber)
        {
            index--;
        }

        while (YearStarts[index + 1] <= dayNumber)
        {
            index++;
        }

        var dayOfYear = dayNumber - YearStarts[index];
        return dayOfYear < 186
            ? (FirstTabulatedYear + index, (dayOfYear / 31) + 1, (dayOfYear % 31) + 1)
            : (FirstTabulatedYear + index, ((dayOfYear - 186) / 30) + 7, ((dayOfYear - 186) % 30) + 1);
    }

    private static int DaysInMonth(int year, int month) => month switch
    {
        <= 6 => 31,
        <= 11 => 30,
        _ => YearStarts[year - FirstTabulatedYear + 1] - YearStarts[year - FirstTabulatedYear] - 336,
    };

    private static int[] TabulateYearStarts()
    {
        var starts = new int[LastTabulatedYear - FirstTabulatedYear + 2];
        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] = DateOnly.FromDateTime(Calendar.ToDateTime(FirstTabulatedYear + i, 1, 1, 0, 0, 0, 0)).DayNumber;
        }

        return starts;
    }

    public static DateOnly Create(int year, int month, int day) =>
        TryCreate(year, month, day, out var date)
            ? date
            : throw new ArgumentOutOfRangeException(nameof(day), "Not a Jalali date.");

    public static int YearOf(DateOnly date) => Parts(date).Year;

    /// <summary>yyyy/MM/dd in ASCII digits, e.g. 1402/05/01 (for files and logs).</summary>
    public static string Format(DateOnly date)
    {
        var (year, month, day) = Parts(date);
        return string.Create(CultureInfo.InvariantCulture, $"{year:D4}/{month:D2}/{day:D2}");
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
