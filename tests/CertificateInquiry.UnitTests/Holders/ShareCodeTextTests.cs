using CertificateInquiry.Web.Features.Holders.ShareCodes;

namespace CertificateInquiry.UnitTests.Holders;

public sealed class ShareCodeTextTests
{
    [Fact]
    public void New_codes_are_twelve_characters_of_the_alphabet_and_differ()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => ShareCodeText.New()).ToList();

        Assert.All(codes, code => Assert.Matches("^[ABCDEFGHJKMNPQRSTWXYZ2-9]{12}$", code));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        // Every character of the alphabet turns up: no bias that leaves some out.
        Assert.Equal(ShareCodeText.Alphabet.Length, codes.SelectMany(code => code).Distinct().Count());
    }

    [Theory]
    [InlineData("K7QM-3XPA-9TWD", "K7QM3XPA9TWD")]
    [InlineData("k7qm 3xpa 9twd", "K7QM3XPA9TWD")]
    [InlineData("K7QM3XPA9TWD", "K7QM3XPA9TWD")]
    [InlineData("K۷QM-۳XPA-۹TWD", "K7QM3XPA9TWD")] // Persian digits, as a Persian keyboard types them
    [InlineData(" K7QM\u200c3XPA-9TWD ", "K7QM3XPA9TWD")]
    public void What_a_person_types_is_read_as_the_code(string typed, string code) =>
        Assert.Equal(code, ShareCodeText.Normalize(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("K7QM-3XPA-9TW")] // eleven
    [InlineData("K7QM-3XPA-9TWDD")] // thirteen
    [InlineData("K7QM-3XPA-9TW0")] // 0 is not in the alphabet (read as O)
    [InlineData("K7QM-3XPA-9TWI")] // nor I, L, 1, O, U, V
    [InlineData("K7QM-3XPA-9TW'")]
    public void Anything_else_is_not_a_code(string? typed) => Assert.Null(ShareCodeText.Normalize(typed));

    [Fact]
    public void A_long_input_is_refused_before_it_is_normalized() => Assert.Null(ShareCodeText.Normalize(new string('A', 100_000)));

    [Fact]
    public void The_code_is_grouped_for_reading_and_hashed_for_storing()
    {
        Assert.Equal("K7QM-3XPA-9TWD", ShareCodeText.Format("K7QM3XPA9TWD"));
        Assert.Equal(64, ShareCodeText.Hash("K7QM3XPA9TWD").Length);
        Assert.NotEqual(ShareCodeText.Hash("K7QM3XPA9TWD"), ShareCodeText.Hash("K7QM3XPA9TWE"));
    }
}
