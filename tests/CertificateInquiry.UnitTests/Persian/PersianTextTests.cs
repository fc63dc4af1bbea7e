using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.UnitTests.Persian;

public class PersianTextTests
{
    [Theory]
    [InlineData("۰۱۲۳۴۵۶۷۸۹", "0123456789")]
    [InlineData("٠١٢٣٤٥٦٧٨٩", "0123456789")]
    [InlineData("12۳٤5", "12345")]
    [InlineData("abc", "abc")]
    public void Digits_from_every_script_become_ascii(string input, string expected) =>
        Assert.Equal(expected, PersianText.NormalizeDigits(input));

    [Fact]
    public void Arabic_yeh_and_kaf_become_persian_letters()
    {
        Assert.Equal("علی کریمی", PersianText.Normalize("علي كريمي"));
        Assert.Equal("مصطفی", PersianText.Normalize("مصطفى"));
    }

    [Theory]
    [InlineData("  مریم   احمدی  ", "مریم احمدی")]
    [InlineData("مریم\tاحمدی\n", "مریم احمدی")]
    [InlineData("مریم\u00A0احمدی", "مریم احمدی")]
    [InlineData(null, "")]
    [InlineData("   ", "")]
    public void Whitespace_is_trimmed_and_collapsed(string? input, string expected) =>
        Assert.Equal(expected, PersianText.Normalize(input));

    [Theory]
    [InlineData("می\u200Cخواهم", "می\u200Cخواهم")] // a joiner between letters is kept
    [InlineData("می\u200C\u200Cخواهم", "می\u200Cخواهم")] // repeated joiners collapse to one
    [InlineData("\u200Cعلی\u200C", "علی")] // joiners at the ends are dropped
    [InlineData("علی \u200Cپور", "علی پور")] // a joiner beside a space means nothing
    [InlineData("حسن\u200C زاده", "حسن زاده")]
    public void Zero_width_non_joiner_is_kept_only_between_letters(string input, string expected) =>
        Assert.Equal(expected, PersianText.Normalize(input));

    [Fact]
    public void Invisible_direction_marks_and_tatweel_are_removed() =>
        Assert.Equal("تهران", PersianText.Normalize("\u200Fتهـــران\u200E\uFEFF"));

    [Theory]
    [InlineData(" tv-۱۴۰۲-۰۰۰۱۲۳ ", "TV-1402-000123")]
    [InlineData("۰۰۷ ۶۵۴ ۳۲۱۸", "0076543218")]
    public void Codes_lose_all_spaces_and_take_upper_case_latin(string input, string expected) =>
        Assert.Equal(expected, PersianText.NormalizeCode(input));

    [Fact]
    public void Ascii_digits_are_shown_as_persian_digits()
    {
        Assert.Equal("۱۴۰۲/۰۵/۰۱", PersianText.ToPersianDigits("1402/05/01"));
        Assert.Equal("۳۰۰۰", PersianText.ToPersianDigits(3000));
    }

    [Fact]
    public void Normalizing_twice_changes_nothing_more()
    {
        var random = new Random(7);
        const string alphabet = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكى ۰۱۲٣٤5\u200C\u200F\t\u0640";
        for (var i = 0; i < 2000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 24)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var once = PersianText.Normalize(text);
            Assert.Equal(once, PersianText.Normalize(once));
            Assert.DoesNotContain('ي', once);
            Assert.DoesNotContain('ك', once);
            Assert.False(once.StartsWith(' ') || once.EndsWith(' '), $"'{once}' has spaces at an end");
            Assert.DoesNotContain("  ", once, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("\0", "")]
    [InlineData("علی\0\u0001رضایی", "علیرضایی")]
    [InlineData("علی\u0007 \u001F رضایی\u007F", "علی رضایی")]
    public void Control_characters_are_dropped(string input, string expected)
    {
        Assert.Equal(expected, PersianText.Normalize(input));
    }

    [Theory]
    [InlineData("\0", "")]
    [InlineData("00765\04321\u00018", "0076543218")]
    [InlineData(null, "")]
    public void Codes_lose_control_characters_and_null_becomes_empty(string? input, string expected)
    {
        Assert.Equal(expected, PersianText.NormalizeCode(input));
    }
}
