using CertificateInquiry.Web.Features.AgencyPortal.Usage;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.UnitTests.AgencyPortal;

public sealed class AgencyUsageRangeTests
{
    private static readonly DateOnly Today = JalaliDate.Create(1405, 9, 16);

    [Fact]
    public void Without_dates_the_range_is_the_last_thirty_days_ending_today()
    {
        var errors = new List<(string Field, string Message)>();

        var range = AgencyUsageRange.Read(null, "", Today, errors);

        Assert.Empty(errors);
        Assert.Equal(Today, range!.To);
        Assert.Equal(30, range.Days);
        Assert.False(range.WasCut);
    }

    [Fact]
    public void Dates_in_Persian_or_Arabic_digits_are_read()
    {
        var errors = new List<(string Field, string Message)>();

        var range = AgencyUsageRange.Read("۱۴۰۵/۰۹/۰۱", "١٤٠٥-٩-١٠", Today, errors);

        Assert.Empty(errors);
        Assert.Equal(JalaliDate.Create(1405, 9, 1), range!.From);
        Assert.Equal(JalaliDate.Create(1405, 9, 10), range.To);
        Assert.Equal(10, range.Days);
    }

    [Fact]
    public void A_reversed_range_is_refused_with_a_Persian_message()
    {
        var errors = new List<(string Field, string Message)>();

        var range = AgencyUsageRange.Read("1405/09/10", "1405/09/01", Today, errors);

        Assert.Null(range);
        var (field, message) = Assert.Single(errors);
        Assert.Equal("To", field);
        Assert.Contains("پیش از تاریخ آغاز", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1405/13/01")]
    [InlineData("=1+1")]
    [InlineData("1405/09/01' OR 1=1")]
    public void Junk_dates_are_refused(string junk)
    {
        var errors = new List<(string Field, string Message)>();

        Assert.Null(AgencyUsageRange.Read(junk, null, Today, errors));
        Assert.Equal("From", Assert.Single(errors).Field);
    }

    [Fact]
    public void A_five_megabyte_date_is_refused_without_being_parsed()
    {
        var errors = new List<(string Field, string Message)>();

        Assert.Null(AgencyUsageRange.Read(new string('1', 5 * 1024 * 1024), null, Today, errors));
        Assert.Single(errors);
    }

    [Fact]
    public void A_huge_range_is_cut_to_its_last_366_days_and_says_so()
    {
        var errors = new List<(string Field, string Message)>();

        var range = AgencyUsageRange.Read("1300/01/01", "1405/09/01", Today, errors);

        Assert.Empty(errors);
        Assert.Equal(AgencyUsageRange.MaxDays, range!.Days);
        Assert.Equal(JalaliDate.Create(1405, 9, 1), range.To);
        Assert.True(range.WasCut);
    }

    [Fact]
    public void A_range_reaching_past_today_ends_today()
    {
        var errors = new List<(string Field, string Message)>();

        var range = AgencyUsageRange.Read("1405/09/10", "1406/01/01", Today, errors);

        Assert.Equal(Today, range!.To);
        Assert.Equal(JalaliDate.Create(1405, 9, 10), range.From);
    }

    [Fact]
    public void Iran_s_offsets_split_a_range_only_where_they_change()
    {
        // Summer time ended in Iran after 1401: 1400 had +04:30 from Farvardin to Shahrivar, 1403 never does.
        var old = new AgencyUsageRange(JalaliDate.Create(1400, 6, 25), JalaliDate.Create(1400, 7, 5), false);
        var recent = new AgencyUsageRange(JalaliDate.Create(1403, 1, 1), JalaliDate.Create(1403, 12, 29), false);

        var oldSegments = AgencyUsageReport.Segments(old).ToList();
        var recentSegment = Assert.Single(AgencyUsageReport.Segments(recent));

        Assert.Equal(210, recentSegment.OffsetMinutes);
        Assert.Equal(recent.From, recentSegment.First);
        Assert.Equal(recent.To, recentSegment.Last);
        if (oldSegments.Count == 2)
        {
            Assert.Equal([270, 210], oldSegments.Select(s => s.OffsetMinutes));
            Assert.Equal(old.From, oldSegments[0].First);
            Assert.Equal(old.To, oldSegments[1].Last);
            Assert.Equal(oldSegments[0].Last.AddDays(1), oldSegments[1].First);
        }
        else
        {
            // No tz database on this machine: the fixed +03:30 fallback has one offset.
            Assert.Equal(210, Assert.Single(oldSegments).OffsetMinutes);
        }
    }
}
