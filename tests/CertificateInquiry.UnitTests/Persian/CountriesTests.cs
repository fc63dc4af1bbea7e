using CertificateInquiry.Web.Domain;

namespace CertificateInquiry.UnitTests.Persian;

public class CountriesTests
{
    [Fact]
    public void Every_iso_3166_country_but_iran_is_a_foreign_nationality_with_a_persian_name()
    {
        Assert.Equal(248, Countries.Count); // ISO 3166-1 lists 249 countries
        Assert.Equal(Countries.Count, Countries.ForSelect.Count);
        Assert.Equal(Countries.Count, Countries.ForSelect.Select(c => c.Code).Distinct().Count());
        Assert.All(Countries.ForSelect, country =>
        {
            Assert.Matches("^[A-Z]{2}$", country.Code);
            Assert.Matches("^[\u0600-\u06FF\u200C ()،-]+$", country.Name);
        });
        Assert.DoesNotContain(Countries.ForSelect, c => c.Code == "IR");
        Assert.False(Countries.IsForeign("IR"));
    }

    [Fact]
    public void Afghanistan_iraq_and_pakistan_come_first_and_the_rest_in_persian_order()
    {
        Assert.Equal([("AF", "افغانستان"), ("IQ", "عراق"), ("PK", "پاکستان")], Countries.ForSelect.Take(3).Select(c => (c.Code, c.Name)));
        var rest = Countries.ForSelect.Skip(3).Select(c => c.Name).ToList();
        Assert.Equal("آلمان", Countries.NameOf("DE"));
        Assert.True(rest.IndexOf("آلمان") < rest.IndexOf("ترکیه"));
        Assert.True(rest.IndexOf("ترکیه") < rest.IndexOf("ژاپن")); // ژ after ر: Persian, not Arabic, order
        Assert.True(rest.IndexOf("ژاپن") < rest.IndexOf("یمن"));
    }

    [Theory]
    [InlineData("af", "AF")]
    [InlineData(" Iq ", "IQ")]
    [InlineData("IR", null)]
    [InlineData("ZZ", null)]
    [InlineData("AFG", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_code_is_read_in_any_case_and_unknown_ones_and_iran_are_refused(string? typed, string? stored) =>
        Assert.Equal(stored, Countries.Normalize(typed));

    [Theory]
    [InlineData("AF", "افغانستان")]
    [InlineData("TR", "ترکیه")]
    [InlineData(null, "ایران")]
    [InlineData("IR", "ایران")]
    [InlineData("QQ", "QQ")]
    public void Names_are_in_persian(string? code, string name) => Assert.Equal(name, Countries.NameOf(code));
}
