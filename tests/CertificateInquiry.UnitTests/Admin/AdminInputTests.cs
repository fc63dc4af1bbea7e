using CertificateInquiry.Web.Features.Admin;
using CertificateInquiry.Web.Features.Admin.Certificates;
using CertificateInquiry.Web.Features.Admin.Tariffs;
using CertificateInquiry.Web.Features.Admin.Users;

namespace CertificateInquiry.UnitTests.Admin;

public sealed class TariffInputTests
{
    [Theory]
    [InlineData("3500000", 3_500_000)]
    [InlineData("۳٬۵۰۰٬۰۰۰", 3_500_000)]
    [InlineData("٣,٥٠٠,٠٠٠ ریال", 3_500_000)]
    [InlineData(" 3 500 000 ", 3_500_000)]
    [InlineData("10000000000", 10_000_000_000)]
    public void Amounts_in_any_digit_script_with_separators_are_read_as_rials(string text, long expected)
    {
        Assert.Null(TariffInput.TryParseAmount(text, out var amount));
        Assert.Equal(expected, amount);
    }

    [Theory]
    [InlineData(null, TariffInput.AmountRequired)]
    [InlineData("  ", TariffInput.AmountRequired)]
    [InlineData("3.5", TariffInput.AmountNotNumber)]
    [InlineData("-3000", TariffInput.AmountNotNumber)]
    [InlineData("۰۰۰", TariffInput.AmountZero)]
    [InlineData("10000000001", TariffInput.AmountTooLarge)]
    [InlineData("99999999999999999999999", TariffInput.AmountTooLarge)]
    public void Anything_else_gets_its_persian_reason(string? text, string reason) =>
        Assert.Equal(reason, TariffInput.TryParseAmount(text, out _));

    [Theory]
    [InlineData("1406", 1406)]
    [InlineData("۱۴۰۶", 1406)]
    public void Jalali_years_are_four_digits(string text, int expected)
    {
        Assert.Null(TariffInput.TryParseYear(text, out var year));
        Assert.Equal(expected, year);
    }

    [Theory]
    [InlineData("", TariffInput.YearRequired)]
    [InlineData("06", TariffInput.YearNotJalali)]
    [InlineData("2027", TariffInput.YearNotJalali)]
    [InlineData("سال ۱۴۰۶", TariffInput.YearNotJalali)]
    public void Other_years_are_refused(string text, string reason) => Assert.Equal(reason, TariffInput.TryParseYear(text, out _));
}

public sealed class GeneratedPasswordTests
{
    [Fact]
    public void Passwords_are_four_groups_of_four_unambiguous_characters_and_differ()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => GeneratedPassword.New()).ToList();

        Assert.All(passwords, password => Assert.Matches("^[a-km-np-zA-HJ-NP-Z2-9]{4}(-[a-km-np-zA-HJ-NP-Z2-9]{4}){3}$", password));
        Assert.Equal(50, passwords.Distinct().Count());
        Assert.All(passwords, password => Assert.True(password.Length >= 10)); // the password policy's minimum
    }
}

public sealed class RevocationRulesTests
{
    [Theory]
    [InlineData("نامه 1234/ص مورخ 1405/08/10", false)]
    [InlineData("رأی شماره 140509870012", true)]
    [InlineData("دارنده 1270123459", true)]
    [InlineData(null, false)]
    public void Ten_digits_in_a_row_are_taken_for_a_personal_number(string? reason, bool personal) =>
        Assert.Equal(personal, RevocationRules.HasPersonalNumber(reason));
}

public sealed class ProvinceOptionsTests
{
    [Fact]
    public void Provinces_are_listed_in_persian_order_with_their_fixed_ids()
    {
        var names = ProvinceOptions.All.Select(o => o.Text).ToList();

        Assert.Equal(31, names.Count);
        Assert.Equal("آذربایجان شرقی", names[0]);
        Assert.True(names.IndexOf("بوشهر") < names.IndexOf("تهران")); // ب before ت
        Assert.True(names.IndexOf("تهران") < names.IndexOf("چهارمحال و بختیاری")); // ت before چ, which code points put after ی
        Assert.Equal("8", ProvinceOptions.All.Single(o => o.Text == "تهران").Value);
        Assert.Equal("تهران", ProvinceOptions.NameOf(8));
        Assert.Null(ProvinceOptions.NameOf(32));
        Assert.Null(ProvinceOptions.NameOf(null));
    }
}
