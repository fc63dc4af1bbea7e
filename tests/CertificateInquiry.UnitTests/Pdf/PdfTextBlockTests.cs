using CertificateInquiry.Web.Infrastructure.Pdf;

namespace CertificateInquiry.UnitTests.Pdf;

public class PdfTextBlockTests
{
    private static readonly PdfTextStyle Style = new(10);

    private static IReadOnlyList<string> Lines(PdfTextBlock block) => block.Lines.Select(line => line.Text).ToList();

    [Fact]
    public void A_short_line_stays_one_line()
    {
        var block = PdfTextBlock.Create(TestFonts.Shared, "علی رضایی", 300, Style);

        Assert.Equal(["علی رضایی"], Lines(block));
        Assert.Equal(Style.LineHeight, block.Height);
        Assert.InRange(block.Width, 20, 80);
    }

    [Fact]
    public void A_long_paragraph_breaks_between_words_into_lines_that_fit()
    {
        const string text = "این گزارش به‌صورت الکترونیکی در درگاه استعلام گواهینامه‌های مهارت سازمان آموزش فنی و حرفه‌ای کشور صادر شده است و شماره 1402-04-000102 را دارد.";

        var block = PdfTextBlock.Create(TestFonts.Shared, text, 150, Style);

        Assert.True(block.LineCount >= 3, $"{block.LineCount} lines");
        Assert.All(block.Lines, line => Assert.InRange(line.Width, 1, 150));
        Assert.Equal(text, string.Join(' ', Lines(block)));
        Assert.Contains(Lines(block), line => line.Contains("1402-04-000102", StringComparison.Ordinal));
    }

    [Fact]
    public void Line_breaks_in_the_text_are_kept()
    {
        var block = PdfTextBlock.Create(TestFonts.Shared, "سطر اول\nسطر دوم\r\nسطر سوم", 300, Style);

        Assert.Equal(["سطر اول", "سطر دوم", "سطر سوم"], Lines(block));
        Assert.Equal(3 * Style.LineHeight, block.Height);
    }

    [Fact]
    public void A_word_longer_than_the_width_breaks_between_characters()
    {
        const string url = "https://estelam.portal.test/verify/K7QF-3M9X-TP2D?source=report-document-with-a-long-query";

        var block = PdfTextBlock.Create(TestFonts.Shared, url, 120, Style, TextDirection.LeftToRight);

        Assert.True(block.LineCount > 1);
        Assert.All(block.Lines, line => Assert.True(line.Width <= 120, $"{line.Text}: {line.Width}"));
        Assert.Equal(url, string.Concat(Lines(block)));
    }

    [Fact]
    public void Bold_text_is_wider_than_regular()
    {
        const string text = "گزارش استعلام گواهینامه مهارت";

        var regular = PdfTextBlock.Create(TestFonts.Shared, text, 500, Style);
        var bold = PdfTextBlock.Create(TestFonts.Shared, text, 500, Style with { Weight = PdfFontWeight.Bold });

        Assert.True(bold.Width > regular.Width);
    }
}
