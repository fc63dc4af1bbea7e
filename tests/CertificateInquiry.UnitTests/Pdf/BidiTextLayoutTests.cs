using CertificateInquiry.Web.Infrastructure.Pdf;

namespace CertificateInquiry.UnitTests.Pdf;

public class BidiTextLayoutTests
{
    private static string Describe(IEnumerable<BidiRun> runs) =>
        string.Join(" | ", runs.Select(r => (r.Direction == TextDirection.RightToLeft ? "R:" : "L:") + r.Text));

    [Fact]
    public void A_pure_Persian_line_is_one_right_to_left_run()
    {
        const string line = "گزارش استعلام گواهینامه مهارت";

        var run = Assert.Single(BidiTextLayout.GetVisualRuns(line));

        Assert.Equal(new BidiRun(line, 0, line.Length, TextDirection.RightToLeft), run);
    }

    [Fact]
    public void A_certificate_number_after_a_Persian_label_is_one_left_to_right_run_at_the_visual_left()
    {
        const string line = "شماره گواهینامه: 1402-04-000102";

        var runs = BidiTextLayout.GetVisualRuns(line);

        Assert.Equal(2, runs.Count);
        Assert.Equal(new BidiRun(line, 17, 14, TextDirection.LeftToRight), runs[0]);
        Assert.Equal("1402-04-000102", runs[0].Text);
        Assert.Equal("1402-04-000102", runs[0].VisualText);
        Assert.Equal(new BidiRun(line, 0, 17, TextDirection.RightToLeft), runs[1]);
        Assert.Equal("شماره گواهینامه: ", runs[1].Text);
    }

    [Theory]
    [InlineData("کد TV-1402-000123 ثبت شد", "TV-1402-000123")]
    [InlineData("کد ملی ۰۰۷۶***۲۱۸ است", "۰۰۷۶***۲۱۸")]
    [InlineData("شماره 1402-04-000102", "1402-04-000102")]
    public void Codes_inside_Persian_text_keep_their_characters_in_typed_order(string line, string code)
    {
        var runs = BidiTextLayout.GetVisualRuns(line);

        var codeRun = Assert.Single(runs, r => r.Direction == TextDirection.LeftToRight);
        Assert.Equal(code, codeRun.Text);
        Assert.Equal(line.IndexOf(code, StringComparison.Ordinal), codeRun.Start);
    }

    [Fact]
    public void A_Persian_sentence_with_a_date_and_a_Latin_word_is_reordered_right_to_left()
    {
        const string line = "آزمون در تاریخ ۱۴۰۲/۰۵/۰۱ با نمره A برگزار شد";

        var runs = BidiTextLayout.GetVisualRuns(line);

        Assert.Equal("R: برگزار شد | L:A | R: با نمره  | L:۱۴۰۲/۰۵/۰۱ | R:آزمون در تاریخ ", Describe(runs));
        Assert.Equal(
            "دش رازگرب A هرمن اب ۱۴۰۲/۰۵/۰۱ خیرات رد نومزآ",
            string.Concat(runs.Select(r => r.VisualText)));
    }

    [Fact]
    public void A_date_in_Latin_digits_reads_year_first_from_the_left()
    {
        const string line = "تاریخ صدور 1402/05/01 است";

        var runs = BidiTextLayout.GetVisualRuns(line);

        Assert.Equal("R: است | L:1402/05/01 | R:تاریخ صدور ", Describe(runs));
    }

    [Fact]
    public void Parentheses_take_the_direction_of_the_line_and_are_mirrored_in_right_to_left_runs()
    {
        const string line = "استاندارد (Electrician) معتبر";

        var runs = BidiTextLayout.GetVisualRuns(line);

        // Both parentheses stay in the right-to-left runs around the Latin word, so they are drawn mirrored:
        // the one typed first, "(", is on the right and shows as the closing shape.
        Assert.Equal("R:) معتبر | L:Electrician | R:استاندارد (", Describe(runs));
        Assert.Equal("ربتعم (Electrician) درادناتسا", string.Concat(runs.Select(r => r.VisualText)));
    }

    [Fact]
    public void Parentheses_around_Persian_text_stay_inside_its_run()
    {
        const string line = "دوره (آزمون عملی)";

        var run = Assert.Single(BidiTextLayout.GetVisualRuns(line));

        Assert.Equal(TextDirection.RightToLeft, run.Direction);
        Assert.Equal("(یلمع نومزآ) هرود", run.VisualText);
    }

    [Fact]
    public void A_left_to_right_line_keeps_a_Persian_word_as_one_right_to_left_run_in_the_middle()
    {
        const string line = "Status: معتبر (valid)";

        var runs = BidiTextLayout.GetVisualRuns(line, TextDirection.LeftToRight);

        Assert.Equal("L:Status:  | R:معتبر | L: (valid)", Describe(runs));
        Assert.Equal("Status: ربتعم (valid)", string.Concat(runs.Select(r => r.VisualText)));
    }

    [Fact]
    public void A_left_to_right_line_with_a_code_is_one_run()
    {
        const string line = "https://example.test/verify/ABC-123 ok";

        var run = Assert.Single(BidiTextLayout.GetVisualRuns(line, TextDirection.LeftToRight));

        Assert.Equal(new BidiRun(line, 0, line.Length, TextDirection.LeftToRight), run);
    }

    [Fact]
    public void Empty_text_has_no_runs() => Assert.Empty(BidiTextLayout.GetVisualRuns(string.Empty));

    [Fact]
    public void Refuses_a_line_break_inside_a_line() =>
        Assert.Throws<ArgumentException>(() => BidiTextLayout.GetVisualRuns("یک\nدو"));
}
