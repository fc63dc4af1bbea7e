using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CertificateInquiry.UnitTests.Persian;

public sealed class OfficialHolidaysTests
{
    private static OfficialHolidays Calendar(Dictionary<string, List<string>>? lunar = null) =>
        new(Options.Create(new HolidayOptions { Lunar = lunar ?? [] }), TimeProvider.System, NullLogger<OfficialHolidays>.Instance);

    [Theory]
    [InlineData(1, 1, "نوروز")]
    [InlineData(1, 4, "نوروز")]
    [InlineData(1, 12, "روز جمهوری اسلامی")]
    [InlineData(1, 13, "روز طبیعت")]
    [InlineData(3, 14, "رحلت امام خمینی")]
    [InlineData(3, 15, "قیام ۱۵ خرداد")]
    [InlineData(11, 22, "پیروزی انقلاب اسلامی")]
    [InlineData(12, 29, "ملی شدن صنعت نفت")]
    public void The_fixed_solar_holidays_are_not_working_days_in_any_year(int month, int day, string name)
    {
        foreach (var year in new[] { 1404, 1405, 1406 })
        {
            var reason = Calendar().NonWorkingReason(JalaliDate.Create(year, month, day));
            Assert.NotNull(reason);
            Assert.Contains(name, reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Fridays_are_not_working_days_and_ordinary_weekdays_are()
    {
        var friday = new DateOnly(2026, 12, 11);
        Assert.Equal(DayOfWeek.Friday, friday.DayOfWeek);

        Assert.Equal("جمعه", Calendar().NonWorkingReason(friday));
        Assert.True(Calendar().IsWorkingDay(friday.AddDays(2)));
        Assert.Equal(friday.AddDays(1), Calendar().NextWorkingDay(friday));
    }

    [Fact]
    public void Lunar_holidays_come_from_configuration_per_year()
    {
        var calendar = Calendar(new() { ["1405"] = ["1405/09/20", "۱۴۰۵/۱۰/۰۱"] });

        Assert.Contains("تعطیل رسمی", calendar.NonWorkingReason(JalaliDate.Create(1405, 9, 20)), StringComparison.Ordinal);
        Assert.False(calendar.IsWorkingDay(JalaliDate.Create(1405, 10, 1)));
        Assert.True(calendar.KnowsLunarHolidaysOf(1405));
        Assert.False(calendar.KnowsLunarHolidaysOf(1406));
    }

    [Theory]
    [InlineData("1405", "1406/01/20")]
    [InlineData("1405", "not a date")]
    [InlineData("sal", "1405/01/20")]
    public void A_configured_date_that_is_not_of_its_year_stops_the_start(string year, string date) =>
        Assert.Throws<InvalidOperationException>(() => Calendar(new() { [year] = [date] }));
}
