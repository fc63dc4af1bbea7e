using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.UnitTests.Persian;

public class HolderIdentifierTests
{
    [Theory]
    [InlineData("0076543218", HolderIdentifierKind.NationalCode)]
    [InlineData("0076543217", HolderIdentifierKind.NationalCode)] // the length says the kind, valid or not
    [InlineData("500123456781", HolderIdentifierKind.ForeignNationalId)]
    [InlineData("555555555555", HolderIdentifierKind.ForeignNationalId)]
    [InlineData("00765432180", HolderIdentifierKind.None)] // eleven digits
    [InlineData("007654321", HolderIdentifierKind.None)]
    [InlineData("5001234567810", HolderIdentifierKind.None)] // thirteen
    [InlineData("50012345678A", HolderIdentifierKind.None)]
    [InlineData("۵۰۰۱۲۳۴۵۶۷۸۱", HolderIdentifierKind.None)] // not normalized: callers normalize first
    [InlineData("", HolderIdentifierKind.None)]
    [InlineData(null, HolderIdentifierKind.None)]
    public void Ten_digits_are_a_national_code_and_twelve_a_foreign_nationals_identifier(string? code, HolderIdentifierKind kind) =>
        Assert.Equal(kind, HolderIdentifier.Kind(code));

    [Theory]
    [InlineData("0076543218")]
    [InlineData("1270123459")]
    [InlineData("500123456781")]
    [InlineData("000000000001")]
    [InlineData("999999999998")]
    public void Valid_identifiers_of_both_kinds_pass(string code) => Assert.True(HolderIdentifier.IsValid(code));

    [Theory]
    [InlineData("0076543217")] // a national code's check digit is still checked
    [InlineData("1111111111")]
    [InlineData("00765432180")]
    [InlineData("5001234567\u00001")]
    [InlineData("50012345678 ")]
    [InlineData(null)]
    public void Invalid_identifiers_fail(string? code) => Assert.False(HolderIdentifier.IsValid(code));

    [Theory]
    [InlineData('0')]
    [InlineData('5')]
    [InlineData('9')]
    public void Twelve_equal_digits_are_no_identifier(char digit)
    {
        var code = new string(digit, 12);
        Assert.False(HolderIdentifier.IsValid(code));
        Assert.Equal(HolderIdentifier.ForeignIdInvalid, HolderIdentifier.Refusal(code));
    }

    [Theory]
    [InlineData("0076543218", "کد ملی")]
    [InlineData("500123456781", "کد یکتای اتباع")]
    [InlineData("123", "کد ملی")]
    public void The_label_follows_the_kind(string code, string label) => Assert.Equal(label, HolderIdentifier.Label(code));

    [Theory]
    [InlineData("0076543218", "۰۰۷۶***۲۱۸")]
    [InlineData("500123456781", "۵۰۰۱*****۷۸۱")]
    public void The_mask_shows_four_and_three_digits_and_keeps_the_length(string code, string masked)
    {
        Assert.Equal(masked, HolderIdentifier.Mask(code));
        Assert.Equal(code.Length, masked.Length);
    }

    [Fact]
    public void A_short_value_is_masked_whole() => Assert.Equal("*****", HolderIdentifier.Mask("12345"));

    [Theory]
    [InlineData("0076543217", "کد ملی درست نیست")]
    [InlineData("123456789012", null)]
    [InlineData("12345", "کد ملی ایرانیان ده رقم و کد یکتای اتباع خارجی دوازده رقم دارد")]
    [InlineData("12345678901", "کد ملی ایرانیان ده رقم و کد یکتای اتباع خارجی دوازده رقم دارد")]
    public void The_refusal_explains_what_is_wrong_in_persian(string code, string? expected)
    {
        if (expected is null)
        {
            Assert.True(HolderIdentifier.IsValid(code));
            return;
        }

        Assert.Contains(expected, HolderIdentifier.Refusal(code), StringComparison.Ordinal);
    }
}
