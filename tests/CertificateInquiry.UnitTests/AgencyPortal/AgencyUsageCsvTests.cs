using System.Text;
using CertificateInquiry.Web.Features.AgencyPortal.Usage;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.UnitTests.AgencyPortal;

public sealed class AgencyUsageCsvTests
{
    private static AgencyUsage Usage()
    {
        var from = JalaliDate.Create(1405, 9, 1);
        return new AgencyUsage(new AgencyUsageRange(from, from.AddDays(1), false), 1000,
        [
            new AgencyUsageDay(from, 3, 2, 1, 1, 2, 3, 0),
            new AgencyUsageDay(from.AddDays(1), 0, 0, 0, 0, 0, 0, 0),
        ]);
    }

    [Fact]
    public void The_file_is_UTF8_with_a_BOM_Persian_headers_and_one_line_per_day()
    {
        var bytes = AgencyUsageCsv.Write(Usage());

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("\"تاریخ\",\"تاریخ میلادی\",\"همه ردیف‌ها\"", lines[0], StringComparison.Ordinal);
        Assert.Equal("\"1405/09/01\",\"2026-11-22\",\"6\",\"3\",\"2\",\"1\",\"1\",\"2\",\"3\",\"0\"", lines[1]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tx", "\"'\tx\"")]
    [InlineData("پرونده, ۱", "\"پرونده, ۱\"")]
    public void A_cell_can_never_start_a_formula_or_break_its_line(string value, string expected)
    {
        Assert.Equal(expected, AgencyUsageCsv.Field(value));
    }

    [Fact]
    public void The_file_name_carries_the_Jalali_range_in_Latin_digits()
    {
        Assert.Equal("agency-usage-1405-09-01-to-1405-09-02.csv", AgencyUsageCsv.FileName(Usage().Range));
    }
}
