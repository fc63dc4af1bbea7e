using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.UnitTests.Persian;

public class JalaliDateTests
{
    [Theory]
    [InlineData("1402/05/01")]
    [InlineData("۱۴۰۲/۵/۱")]
    [InlineData("١٤٠٢/٠٥/٠١")]
    [InlineData("1402-5-1")]
    [InlineData(" 1402.05.01 ")]
    public void Accepts_any_digit_script_and_separator(string input)
    {
        Assert.True(JalaliDate.TryParse(input, out var date));
        Assert.Equal(new DateOnly(2023, 7, 23), date);
    }

    [Theory]
    [InlineData("1392/01/01", 2013, 3, 21)] // the first day of 1392
    [InlineData("1403/12/30", 2025, 3, 20)] // 1403 is a leap year
    [InlineData("1405/09/03", 2026, 11, 24)]
    public void Converts_known_days(string input, int year, int month, int day)
    {
        Assert.True(JalaliDate.TryParse(input, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("1402/13/01")]
    [InlineData("1402/00/10")]
    [InlineData("1402/07/31")] // months 7–11 have 30 days
    [InlineData("1402/12/30")] // 1402 is not a leap year
    [InlineData("02/05/01")]
    [InlineData("1402/05")]
    [InlineData("1402/05/01/03")]
    [InlineData("1402/ab/01")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_what_is_not_a_day(string? input) => Assert.False(JalaliDate.TryParse(input, out _));

    [Fact]
    public void Formats_with_ascii_or_persian_digits()
    {
        var date = new DateOnly(2023, 7, 23);
        Assert.Equal("1402/05/01", JalaliDate.Format(date));
        Assert.Equal("۱۴۰۲/۰۵/۰۱", JalaliDate.FormatPersian(date));
    }

    [Fact]
    public void Every_day_round_trips_through_format_and_parse()
    {
        for (var date = new DateOnly(1990, 1, 1); date < new DateOnly(2040, 1, 1); date = date.AddDays(1))
        {
            Assert.True(JalaliDate.TryParse(JalaliDate.Format(date), out var parsed));
            Assert.Equal(date, parsed);
            Assert.True(JalaliDate.TryParse(JalaliDate.FormatPersian(date), out parsed));
            Assert.Equal(date, parsed);
        }
    }

    [Fact]
    public void Instants_are_shown_in_iran_time()
    {
        // 20:45 UTC is 00:15 the next day in Tehran (+03:30).
        var instant = new DateTime(2023, 7, 22, 20, 45, 0, DateTimeKind.Utc);
        Assert.Equal("۱۴۰۲/۰۵/۰۱ ۰۰:۱۵", JalaliDate.FormatPersian(instant));
    }
}

public class JalaliDateAgreesWithPersianCalendarTests
{
    [Fact]
    public void Every_day_from_1900_to_2200_matches_dotnets_persian_calendar()
    {
        var calendar = new System.Globalization.PersianCalendar();
        for (var date = new DateOnly(1900, 1, 1); date < new DateOnly(2200, 1, 1); date = date.AddDays(1))
        {
            var moment = date.ToDateTime(TimeOnly.MinValue);
            var expected = (calendar.GetYear(moment), calendar.GetMonth(moment), calendar.GetDayOfMonth(moment));
            Assert.Equal(expected, JalaliDate.Parts(date));
            Assert.True(JalaliDate.TryCreate(expected.Item1, expected.Item2, expected.Item3, out var back));
            Assert.Equal(date, back);
        }
    }

    [Fact]
    public void Esfand_has_thirty_days_only_in_leap_years()
    {
        var calendar = new System.Globalization.PersianCalendar();
        for (var year = 1300; year <= 1500; year++)
        {
            Assert.Equal(calendar.IsLeapYear(year), JalaliDate.TryCreate(year, 12, 30, out _));
        }
    }
}
