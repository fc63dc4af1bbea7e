using Microsoft.Extensions.Options;

namespace CertificateInquiry.Web.Infrastructure.Persian;

/// <summary>
/// The <c>Holidays</c> settings: the official holidays that follow the lunar (hijri) calendar, which move by about
/// eleven days a year and are fixed each year by the government's official calendar, so they are entered per Jalali
/// year: <c>"Holidays": { "Lunar": { "1405": [ "1405/01/02", … ] } }</c>. A year without a list has only the fixed
/// solar holidays and Fridays (the portal logs a warning at start-up for the current and next year).
/// </summary>
public sealed class HolidayOptions
{
    public const string Section = "Holidays";

    /// <summary>Jalali dates (yyyy/MM/dd, any digit script) by Jalali year.</summary>
    public Dictionary<string, List<string>> Lunar { get; set; } = [];
}

/// <summary>
/// Iran's non-working days for appointments: Fridays, the fixed holidays of the solar calendar (Nowruz 1–4 Farvardin,
/// 12 Farvardin Islamic Republic Day, 13 Farvardin Nature Day, 14 Khordad and 15 Khordad, 22 Bahman, 29 Esfand), and
/// the lunar holidays configured per year (<see cref="HolidayOptions"/>).
/// </summary>
public sealed class OfficialHolidays
{
    private static readonly Dictionary<(int Month, int Day), string> Fixed = new()
    {
        [(1, 1)] = "تعطیلات نوروز",
        [(1, 2)] = "تعطیلات نوروز",
        [(1, 3)] = "تعطیلات نوروز",
        [(1, 4)] = "تعطیلات نوروز",
        [(1, 12)] = "روز جمهوری اسلامی",
        [(1, 13)] = "روز طبیعت",
        [(3, 14)] = "رحلت امام خمینی",
        [(3, 15)] = "قیام ۱۵ خرداد",
        [(11, 22)] = "پیروزی انقلاب اسلامی",
        [(12, 29)] = "ملی شدن صنعت نفت",
    };

    private readonly HashSet<DateOnly> lunar = [];
    private readonly HashSet<int> yearsWithLunarList = [];

    public OfficialHolidays(IOptions<HolidayOptions> options, TimeProvider clock, ILogger<OfficialHolidays> logger)
    {
        foreach (var (yearText, dates) in options.Value.Lunar)
        {
            if (!int.TryParse(PersianText.NormalizeCode(yearText), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year))
            {
                throw new InvalidOperationException($"Holidays:Lunar: '{yearText}' is not a Jalali year.");
            }

            yearsWithLunarList.Add(year);
            foreach (var text in dates)
            {
                if (!JalaliDate.TryParse(PersianText.NormalizeCode(text), out var date) || JalaliDate.YearOf(date) != year)
                {
                    throw new InvalidOperationException($"Holidays:Lunar:{yearText}: '{text}' is not a Jalali date of that year.");
                }

                lunar.Add(date);
            }
        }

        var thisYear = JalaliDate.YearOf(IranTime.Today(clock));
        foreach (var year in new[] { thisYear, thisYear + 1 }.Where(y => !yearsWithLunarList.Contains(y)))
        {
            logger.LogWarning(
                "No lunar holidays are configured for the Jalali year {Year} (Holidays:Lunar): visits on those days are not flagged", year);
        }
    }

    /// <summary>Why <paramref name="date"/> is not a working day («جمعه», «تعطیلات نوروز», «تعطیل رسمی»), or null.</summary>
    public string? NonWorkingReason(DateOnly date)
    {
        var (_, month, day) = JalaliDate.Parts(date);
        var holiday = Fixed.GetValueOrDefault((month, day)) ?? (lunar.Contains(date) ? "تعطیل رسمی" : null);
        return (date.DayOfWeek == DayOfWeek.Friday, holiday) switch
        {
            (true, null) => "جمعه",
            (true, { } name) => "جمعه و " + name,
            (false, { } name) => name,
            _ => null,
        };
    }

    public bool IsWorkingDay(DateOnly date) => NonWorkingReason(date) is null;

    /// <summary>Whether the lunar holidays of <paramref name="jalaliYear"/> are configured.</summary>
    public bool KnowsLunarHolidaysOf(int jalaliYear) => yearsWithLunarList.Contains(jalaliYear);

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }
}
