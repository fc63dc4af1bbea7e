using CertificateInquiry.Web.Features.AgencyPortal.Usage;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.UnitTests.AgencyPortal;

public sealed class AgencyUsageChartTests
{
    [Fact]
    public void Columns_run_right_to_left_from_the_oldest_day_and_the_busiest_day_fills_the_plot()
    {
        var from = JalaliDate.Create(1405, 9, 1);
        var usage = new AgencyUsage(new AgencyUsageRange(from, from.AddDays(2), false), 100,
        [
            new AgencyUsageDay(from, 10, 5, 5, 20, 0, 0, 0),
            new AgencyUsageDay(from.AddDays(1), 0, 0, 0, 0, 0, 0, 0),
            new AgencyUsageDay(from.AddDays(2), 5, 0, 0, 5, 0, 0, 0),
        ]);

        var chart = AgencyUsageChart.Of(usage);

        Assert.Equal(3, chart.Columns.Count);
        Assert.True(chart.Columns[0].X > chart.Columns[2].X, "the oldest day is on the right");
        var busiest = chart.Columns[0].Segments;
        Assert.Equal(["verified", "not-found", "invalid"], busiest.Select(s => s.Kind));
        Assert.Equal(AgencyUsageChart.PlotHeight, busiest.Sum(s => s.Height), 2);
        Assert.Equal(0, busiest[^1].Y, 2);
        Assert.Empty(chart.Columns[1].Segments);
        Assert.Equal(AgencyUsageChart.PlotHeight / 4, chart.Columns[2].Segments.Single().Height, 2);
    }

    [Fact]
    public void A_range_without_rows_draws_empty_columns_without_dividing_by_zero()
    {
        var from = JalaliDate.Create(1405, 9, 1);
        var usage = new AgencyUsage(new AgencyUsageRange(from, from, false), 100, [new AgencyUsageDay(from, 0, 0, 0, 0, 0, 0, 0)]);

        var chart = AgencyUsageChart.Of(usage);

        Assert.Empty(Assert.Single(chart.Columns).Segments);
    }
}
