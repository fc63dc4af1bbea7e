using CertificateInquiry.Web.Infrastructure.Pdf;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.UnitTests.Pdf;

public sealed class PdfLetterheadTests
{
    private static readonly PdfFrame Frame = new(42);

    [Fact]
    public void The_rule_goes_under_the_organization_when_the_document_column_is_shorter()
    {
        var letterhead = PdfLetterhead.ForReport(TestFonts.Shared, Frame, "شماره گزارش: R-1404-000731", "زمان صدور: ۱۴۰۴/۰۹/۰۳");

        // 36 + the ministry (8.5 × 1.6) + the organization (14 × 1.6) + 8.
        Assert.Equal(36 + 13.6f + 22.4f + 8, letterhead.Bottom, 3);
    }

    [Fact]
    public void The_rule_goes_under_the_document_column_when_it_is_the_longer()
    {
        var lines = Enumerable.Range(1, 5).Select(i => "سطر " + PersianText.ToPersianDigits(i)).ToArray();

        var letterhead = PdfLetterhead.ForReport(TestFonts.Shared, Frame, lines);

        // 36 + 4 + five lines of 8.5 × 1.6 + 8.
        Assert.Equal(36 + 4 + (5 * 13.6f) + 8, letterhead.Bottom, 3);
    }

    [Fact]
    public void A_field_row_is_as_tall_as_its_longer_cell_and_a_long_value_wraps()
    {
        var table = new PdfFieldTable(Frame);
        var rows = new List<PdfFieldRow>();
        PdfDocumentWriter.WriteA4(TestFonts.Shared, new PdfDocumentInfo("t", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)), p =>
        {
            rows.Add(table.Layout(p, new PdfField("نام", "علی رضایی")));
            rows.Add(table.Layout(p, new PdfField("استاندارد آموزشی", string.Concat(Enumerable.Repeat("برق‌کار ساختمان درجه ۲ ", 20)))));
        });

        Assert.Equal(PdfFieldTable.ValueStyle.LineHeight + (2 * PdfFieldTable.CellPadding), rows[0].Height, 3);
        Assert.True(rows[1].Value.LineCount > 1, $"{rows[1].Value.LineCount} lines");
        Assert.Equal((rows[1].Value.LineCount * PdfFieldTable.ValueStyle.LineHeight) + (2 * PdfFieldTable.CellPadding), rows[1].Height, 3);
    }
}
