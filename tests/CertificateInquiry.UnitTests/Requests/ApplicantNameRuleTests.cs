using CertificateInquiry.Web.Features.Requests.Form;

namespace CertificateInquiry.UnitTests.Requests;

/// <summary>The request form's names follow the one name rule the import uses: no markup, no formula, no symbols.</summary>
public sealed class ApplicantNameRuleTests
{
    private static ApplicantInput Valid() => new()
    {
        NationalCode = "1270123459",
        FirstName = "علی",
        LastName = "رضایی",
        FatherName = "محمود",
        BirthDate = "1365/11/02",
        Gender = "Male",
        Mobile = "09121234567",
        RequesterKind = "Holder",
    };

    private static IEnumerable<string> ErrorsOf(ApplicantInput input)
    {
        input.Normalize();
        return new ApplicantInputValidator(TimeProvider.System).Validate(input).Errors.Select(e => e.PropertyName);
    }

    [Fact]
    public void A_plain_persian_applicant_passes() => Assert.Empty(ErrorsOf(Valid()));

    [Theory]
    [InlineData("<b>علی</b>")]
    [InlineData("=HYPERLINK(\"http://evil.example\")")]
    [InlineData("علی؛")]
    [InlineData("علی٪")]
    [InlineData("؟")]
    [InlineData("-علی")]
    public void A_first_name_with_markup_formula_or_symbols_is_refused(string name)
    {
        var input = Valid();
        input.FirstName = name;

        Assert.Equal(["FirstName"], ErrorsOf(input));
    }

    [Theory]
    [InlineData("محمد\u200Cرضا")]
    [InlineData("حسینی-تهرانی")]
    [InlineData("عبدالله")]
    public void Names_persians_really_have_are_accepted(string name)
    {
        var input = Valid();
        input.LastName = name;

        Assert.Empty(ErrorsOf(input));
    }

    [Fact]
    public void A_foreign_applicant_gives_the_12_digit_identifier_and_a_nationality()
    {
        var input = Valid();
        (input.IdentityKind, input.NationalCode, input.Nationality, input.IdentityDocumentNumber) = ("Foreign", "۵۰۰۱۲۳۴۵۶۷۸۱", "pk", "");

        Assert.Empty(ErrorsOf(input));
        Assert.Equal(("500123456781", "PK"), (input.NationalCode, input.Nationality));
    }

    [Theory]
    [InlineData("Foreign", "500123456781", "", "Nationality")]
    [InlineData("Foreign", "500123456781", "IR", "Nationality")]
    [InlineData("Foreign", "1270123459", "AF", "NationalCode")]
    [InlineData("Foreign", "000000000000", "AF", "NationalCode")]
    [InlineData("Iranian", "500123456781", "", "NationalCode")]
    [InlineData("foreign", "500123456781", "AF", "IdentityKind")]
    public void A_mismatched_identity_is_refused_on_its_field(string kind, string code, string nationality, string field)
    {
        var input = Valid();
        (input.IdentityKind, input.NationalCode, input.Nationality) = (kind, code, nationality);

        Assert.Contains(field, ErrorsOf(input));
    }

    [Fact]
    public void A_post_without_the_choice_is_an_iranians()
    {
        var input = Valid();
        input.IdentityKind = null;

        Assert.Empty(ErrorsOf(input));
        Assert.False(input.IsForeign);
    }
}
