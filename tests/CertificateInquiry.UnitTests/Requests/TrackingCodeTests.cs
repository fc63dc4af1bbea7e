using CertificateInquiry.Web.Domain.Requests;

namespace CertificateInquiry.UnitTests.Requests;

public class TrackingCodeTests
{
    private static readonly Random Random = new(1404);

    [Fact]
    public void Ten_thousand_new_codes_are_well_formed_and_distinct()
    {
        // 10,000 codes from 9 × 10^10: the chance that two collide is about 1 in 1,800 runs. A failure here is
        // worth a second look before it is called bad luck.
        var codes = Enumerable.Range(0, 10_000).Select(_ => TrackingCode.New()).ToList();

        Assert.All(codes, code =>
        {
            Assert.Equal(TrackingCode.Length, code.Length);
            Assert.True(code.All(char.IsAsciiDigit), code);
            Assert.NotEqual('0', code[0]);
            Assert.True(TrackingCode.IsWellFormed(code), code);
            Assert.True(PassesLuhn(code), code);
        });
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void New_codes_use_every_digit_in_every_position_after_the_first()
    {
        // Not a sequence and not a narrow range: each random position takes all ten digits.
        var codes = Enumerable.Range(0, 2_000).Select(_ => TrackingCode.New()).ToList();

        Assert.Equal(9, codes.Select(c => c[0]).Distinct().Count());
        for (var position = 1; position < TrackingCode.Length; position++)
        {
            Assert.Equal(10, codes.Select(c => c[position]).Distinct().Count());
        }
    }

    [Theory]
    [InlineData("482915307714")]
    [InlineData("100000000008")]
    [InlineData("999999999991")]
    public void Known_codes_are_well_formed(string code) => Assert.True(TrackingCode.IsWellFormed(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("48291530771")] // eleven digits
    [InlineData("4829153077140")] // thirteen
    [InlineData("482915307715")] // wrong check digit
    [InlineData("48291530771A")]
    [InlineData("4829-1530-7714")]
    [InlineData("۴۸۲۹۱۵۳۰۷۷۱۴")] // not normalized: callers normalize first
    [InlineData("000000000000")] // passes Luhn, but no code starts with 0
    [InlineData("012345678903")] // the same
    public void Malformed_codes_are_refused(string? code) => Assert.False(TrackingCode.IsWellFormed(code));

    [Fact]
    public void Well_formed_is_exactly_twelve_digits_without_a_leading_zero_that_pass_luhn()
    {
        // The reference here is an independent Luhn check, over random strings that are mostly wrong.
        for (var i = 0; i < 20_000; i++)
        {
            var candidate = RandomDigits(TrackingCode.Length);
            Assert.Equal(candidate[0] != '0' && PassesLuhn(candidate), TrackingCode.IsWellFormed(candidate));
        }
    }

    [Fact]
    public void Every_single_digit_change_is_caught()
    {
        var changes = 0;
        foreach (var code in SampleCodes(500))
        {
            for (var position = 0; position < code.Length; position++)
            {
                foreach (var digit in "0123456789")
                {
                    if (digit == code[position])
                    {
                        continue;
                    }

                    var mistyped = code[..position] + digit + code[(position + 1)..];
                    Assert.False(TrackingCode.IsWellFormed(mistyped), $"{code} → {mistyped} was not caught");
                    changes++;
                }
            }
        }

        Assert.Equal(500 * 12 * 9, changes);
    }

    [Fact]
    public void Every_swap_of_two_adjacent_different_digits_is_caught_except_0_and_9_which_luhn_cannot_see()
    {
        var caught = 0;
        var missed = 0;
        foreach (var code in SampleCodes(3_000))
        {
            for (var position = 0; position < code.Length - 1; position++)
            {
                var (a, b) = (code[position], code[position + 1]);
                if (a == b)
                {
                    continue;
                }

                var swapped = code[..position] + b + a + code[(position + 2)..];
                var luhnBlind = (a, b) is ('0', '9') or ('9', '0');
                if (!luhnBlind || swapped[0] == '0')
                {
                    // A swap that moves 0 to the front is caught by the leading-zero rule, not by Luhn.
                    Assert.False(TrackingCode.IsWellFormed(swapped), $"{code} → {swapped} was not caught");
                    caught++;
                }
                else
                {
                    // Doubling 0 gives 0 and doubling 9 gives 9 (18 − 9): a 0 and a 9 contribute 9 whichever is
                    // doubled, so swapping them leaves the sum, and the check digit, as they were.
                    Assert.True(TrackingCode.IsWellFormed(swapped), $"{code} → {swapped}");
                    missed++;
                }
            }
        }

        Assert.True(caught > 25_000, $"only {caught} swaps were tried");
        Assert.True(missed > 0, "the sample never held a 0 next to a 9");
    }

    [Fact]
    public void What_luhn_cannot_catch_stated_plainly()
    {
        // Two of a mistyped code's most common forms go unnoticed by Luhn, and so by IsWellFormed; such a code is
        // still only a key that matches no request with the applicant's national code (the page says "not found").
        const string code = "482915307714";
        Assert.True(TrackingCode.IsWellFormed(code));

        // Twin errors 22 ↔ 55, 33 ↔ 66, 44 ↔ 77 (a pair of equal digits typed as another pair): 77 adds up to
        // (14 − 9) + 7 = 12 and 44 to 8 + 4 = 12, so "…0771…" typed as "…0441…" passes.
        Assert.True(TrackingCode.IsWellFormed("482915304414"));

        // Jump transpositions (abc → cba): the two swapped digits are both doubled or both not, so their sum never
        // changes and no jump transposition is ever caught: "…5307…" typed as "…5703…" passes.
        Assert.True(TrackingCode.IsWellFormed("482915703714"));
    }

    private static IEnumerable<string> SampleCodes(int count)
    {
        // Fixed codes that hold a 0 beside a 9 in every place, then fresh random ones.
        yield return "109000000009";
        yield return "900000000001";
        yield return "190909090903";
        yield return "909090909096";
        foreach (var code in Enumerable.Range(0, count - 4).Select(_ => TrackingCode.New()))
        {
            yield return code;
        }
    }

    private static string RandomDigits(int length)
    {
        var digits = new char[length];
        for (var i = 0; i < length; i++)
        {
            digits[i] = (char)('0' + Random.Next(10));
        }

        return new string(digits);
    }

    // The textbook Luhn check: from the right, double every second digit, subtract 9 from two-digit results; the
    // total must be a multiple of 10.
    private static bool PassesLuhn(string number)
    {
        var sum = 0;
        for (var i = 0; i < number.Length; i++)
        {
            var digit = number[number.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit = digit * 2 > 9 ? (digit * 2) - 9 : digit * 2;
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}
