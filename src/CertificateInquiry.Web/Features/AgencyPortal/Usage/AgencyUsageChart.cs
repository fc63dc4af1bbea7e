namespace CertificateInquiry.Web.Features.AgencyPortal.Usage;

/// <summary>
/// The usage chart's geometry, drawn by the page as inline SVG (no script, no chart library, no inline style: the
/// colours come from classes in the stylesheet): one column per day, right to left from the oldest day as Persian reads,
/// each stacked from the bottom by outcome (verified, not found, invalid). Heights are relative to the busiest day.
/// </summary>
public sealed record AgencyUsageChart(double Width, double Height, IReadOnlyList<AgencyUsageChart.Column> Columns)
{
    public const double PlotHeight = 200;
    public const double ColumnStep = 16;
    public const double ColumnGap = 3;

    public static AgencyUsageChart Of(AgencyUsage usage)
    {
        ArgumentNullException.ThrowIfNull(usage);
        var busiest = Math.Max(1, usage.Busiest);
        var width = Math.Max(1, usage.Days.Count) * ColumnStep;
        var columns = new List<Column>(usage.Days.Count);
        for (var i = 0; i < usage.Days.Count; i++)
        {
            var day = usage.Days[i];
            var x = width - ((i + 1) * ColumnStep) + (ColumnGap / 2);
            var bottom = PlotHeight;
            var segments = new List<Segment>(3);
            foreach (var (kind, count) in new[] { ("verified", day.Verified), ("not-found", day.NotFound), ("invalid", day.Invalid) })
            {
                if (count == 0)
                {
                    continue;
                }

                var height = Math.Max(1, count * PlotHeight / busiest);
                bottom -= height;
                segments.Add(new Segment(kind, Math.Round(bottom, 2), Math.Round(height, 2), count));
            }

            columns.Add(new Column(day, Math.Round(x, 2), ColumnStep - ColumnGap, segments));
        }

        return new AgencyUsageChart(width, PlotHeight, columns);
    }

    public sealed record Column(AgencyUsageDay Day, double X, double Width, IReadOnlyList<Segment> Segments);

    public sealed record Segment(string Kind, double Y, double Height, int Count);
}
