using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.UnitTests.Persian;

public class NationalCodeTests
{
    [Theory]
    [InlineData("0076543218")]
    [InlineData("1270123459")]
    [InlineData("0499370899")]
    [InlineData("0084575948")]
    public void Known_valid_codes_pass(string code) => Assert.True(NationalCode.IsValid(code));

    [Theory]
    [InlineData("0076543217")] // wrong check digit
    [InlineData("007654321")] // nine digits
    [InlineData("00765432180")] // eleven digits
    [InlineData("007654321A")]
    [InlineData("۰۰۷۶۵۴۳۲۱۸")] // not normalized: callers normalize first
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_codes_fail(string? code) => Assert.False(NationalCode.IsValid(code));

    [Theory]
    [InlineData('0')]
    [InlineData('1')]
    [InlineData('5')]
    [InlineData('9')]
    public void Ten_equal_digits_fail_even_where_the_checksum_holds(char digit) =>
        Assert.False(NationalCode.IsValid(new string(digit, 10)));

    [Fact]
    public void Every_generated_code_passes_and_every_single_digit_change_fails_but_the_rules_one_blind_spot()
    {
        // The rule gives check digit 1 for both remainders 1 and 10, so a change that moves the remainder
        // between those two goes unnoticed; every other single-digit change is caught.
        var unnoticed = 0;
        var changes = 0;
        var random = new Random(1402);
        for (var i = 0; i < 3000; i++)
        {
            var firstNine = random.Next(0, 1_000_000_000).ToString("D9");
            var code = NationalCode.Complete(firstNine);
            if (code.Distinct().Count() == 1)
            {
                continue;
            }

            Assert.True(NationalCode.IsValid(code), code);
            for (var position = 0; position < 10; position++)
            {
                foreach (var replacement in "0123456789")
                {
                    if (replacement == code[position])
                    {
                        continue;
                    }

                    var changed = code[..position] + replacement + code[(position + 1)..];
                    changes++;
                    if (NationalCode.IsValid(changed))
                    {
                        unnoticed++;
                        Assert.True(code[9] == '1' && position < 9, $"{code} changed to {changed} still passes");
                    }
                }
            }
        }

        Assert.InRange(unnoticed, 1, changes / 40); // about 1.6% of all changes
    }

    [Fact]
    public void Check_digit_follows_the_published_rule()
    {
        // s = 0×10 + 0×9 + 7×8 + 6×7 + 5×6 + 4×5 + 3×4 + 2×3 + 1×2 = 168; 168 mod 11 = 3; check = 11 − 3 = 8.
        Assert.Equal(8, NationalCode.CheckDigit("007654321"));
    }
}
