using CertificateInquiry.Web.Domain;

namespace CertificateInquiry.UnitTests;

public class VerificationCodeTests
{
    [Fact]
    public void New_codes_are_well_formed_and_do_not_repeat()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => VerificationCode.New()).ToList();
        Assert.All(codes, code => Assert.True(VerificationCode.IsWellFormed(code), code));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("0123456789abcdef")] // 'f' is allowed; 16 characters
    public void Accepts_sixteen_characters_of_the_alphabet(string code) => Assert.True(VerificationCode.IsWellFormed(code));

    [Theory]
    [InlineData("0123456789abcdeu")] // 'u' is not in the alphabet
    [InlineData("0123456789ABCDEF")] // upper case is not produced
    [InlineData("0123456789abcde")]
    [InlineData(null)]
    public void Refuses_anything_else(string? code) => Assert.False(VerificationCode.IsWellFormed(code));
}
