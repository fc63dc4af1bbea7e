using CertificateInquiry.Web.Features.Shared;

namespace CertificateInquiry.UnitTests.Shared;

public sealed class PagingTests
{
    [Theory]
    [InlineData(null, 0, 1, 1)]
    [InlineData(null, 120, 1, 3)]
    [InlineData(3, 120, 3, 3)]
    [InlineData(9, 120, 3, 3)]
    [InlineData(-2, 120, 1, 3)]
    [InlineData(0, 120, 1, 3)]
    [InlineData(int.MaxValue, 120, 3, 3)]
    [InlineData(int.MinValue, 120, 1, 3)]
    [InlineData(2, 100, 2, 2)]
    [InlineData(3, 101, 3, 3)]
    public void The_page_asked_for_is_kept_within_the_list(int? requested, int total, int page, int pages)
    {
        var paging = Paging.For(requested, 50, total);

        Assert.Equal((page, pages), (paging.Page, paging.PageCount));
        Assert.Equal((page - 1) * 50, paging.Skip);
        Assert.Equal(page > 1, paging.HasPrevious);
        Assert.Equal(page < pages, paging.HasNext);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("", 1)]
    [InlineData("   ", 1)]
    [InlineData("abc", 1)]
    [InlineData("2abc", 1)]
    [InlineData("0", 1)]
    [InlineData("-1", 1)]
    [InlineData("+2", 1)]
    [InlineData("1e3", 1)]
    [InlineData("2.0", 1)]
    [InlineData("2\0", 1)]
    [InlineData("2", 2)]
    [InlineData(" 3 ", 3)]
    [InlineData("003", 3)]
    [InlineData("۲", 2)]
    [InlineData("٣", 3)]
    [InlineData("999999", 4)]
    [InlineData("99999999999999999999999", 4)]
    public void A_page_from_the_address_bar_never_throws_and_lands_within_the_list(string? requested, int page)
    {
        var paging = Paging.For(requested, 25, 90); // four pages

        Assert.Equal(page, paging.Page);
        Assert.InRange(paging.Skip, 0, 75);
    }

    [Fact]
    public void A_five_megabyte_page_value_is_read_without_trouble()
    {
        Assert.Equal(int.MaxValue, Paging.ParsePage(new string('9', 5 * 1024 * 1024)));
        Assert.Null(Paging.ParsePage(new string('x', 5 * 1024 * 1024)));
    }

    [Fact]
    public void A_page_size_of_zero_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Paging.For((int?)1, 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => Paging.For((int?)1, 10, -1));
    }

    [Fact]
    public void The_last_rows_fit_on_the_last_page()
    {
        var paging = Paging.For("3", 25, 60);

        Assert.Equal([50, 51, 52, 53, 54, 55, 56, 57, 58, 59], Enumerable.Range(0, 60).Page(paging));
    }

    [Theory]
    [InlineData(1, 1, "")]
    [InlineData(1, 3, "1 2 3")]
    [InlineData(1, 20, "1 2 3 4 … 20")]
    [InlineData(10, 20, "1 … 7 8 9 10 11 12 13 … 20")]
    [InlineData(5, 20, "1 2 3 4 5 6 7 8 … 20")]
    [InlineData(20, 20, "1 … 17 18 19 20")]
    [InlineData(16, 20, "1 … 13 14 15 16 17 18 19 20")]
    public void The_pager_shows_the_first_and_last_page_and_three_either_side(int page, int pages, string expected)
    {
        var paging = Paging.For(page, 10, pages * 10);

        var shown = pages == 1 ? "" : string.Join(' ', paging.Numbers().Select(n => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…"));

        Assert.Equal(expected, shown);
    }
}
