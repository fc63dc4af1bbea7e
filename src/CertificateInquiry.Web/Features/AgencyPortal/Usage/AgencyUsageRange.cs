using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.AgencyPortal.Usage;

/// <summary>
/// The days (Iran time) of a usage report, read from the Jalali dates typed in the query string: the last
/// <see cref="DefaultDays"/> days by default; a range that ends before it starts is refused; a range longer than
/// <see cref="MaxDays"/> days is cut to its last <see cref="MaxDays"/> days, and a range that reaches past today ends today.
/// </summary>
public sealed record AgencyUsageRange(DateOnly From, DateOnly To, bool WasCut)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    public int Days => To.DayNumber - From.DayNumber + 1;

    public IEnumerable<DateOnly> EachDay()
    {
        for (var day = From; day <= To; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    public static AgencyUsageRange Default(DateOnly today) => new(today.AddDays(-(DefaultDays - 1)), today, false);

    /// <summary>The range asked for, or null with a Persian reason per field in <paramref name="errors"/> (field name, message).</summary>
    public static AgencyUsageRange? Read(string? from, string? to, DateOnly today, List<(string Field, string Message)> errors)
    {
        var fallback = Default(today);
        var start = Parse(from, "From", "تاریخ آغاز", fallback.From, errors);
        var end = Parse(to, "To", "تاریخ پایان", today, errors);
        if (start is null || end is null)
        {
            return null;
        }

        if (end < start)
        {
            errors.Add(("To", "تاریخ پایان پیش از تاریخ آغاز است؛ تاریخ‌ها را جابه‌جا کنید."));
            return null;
        }

        var cut = false;
        var last = end.Value > today ? today : end.Value;
        var first = start.Value > last ? last : start.Value;
        if (last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            first = last.AddDays(-(MaxDays - 1));
            cut = true;
        }

        return new AgencyUsageRange(first, last, cut);
    }

    private static DateOnly? Parse(string? text, string field, string label, DateOnly fallback, List<(string Field, string Message)> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (text.Length <= 32 && JalaliDate.TryParse(text, out var date))
        {
            return date;
        }

        errors.Add((field, label + " را به شکل سال/ماه/روز وارد کنید، مثلاً ۱۴۰۵/۰۱/۱۵."));
        return null;
    }
}
