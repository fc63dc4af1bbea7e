using CertificateInquiry.Web.Features.Holders.Account;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.UnitTests.Holders;

/// <summary>What a holder may sign in as, and where they may be sent afterwards (ADR-032).</summary>
public sealed class HolderSignInRulesTests
{
    [Theory]
    [InlineData("0084575948", true)]
    [InlineData("۰۰۸۴۵۷۵۹۴۸", true)] // Persian digits, normalized first
    [InlineData("٠٠٨٤٥٧٥٩٤٨", true)] // Arabic-Indic digits
    [InlineData("500012345678", true)] // a foreign national's 12 digits
    [InlineData("1234567890", false)] // wrong check digit
    [InlineData("1111111111", false)]
    [InlineData("111111111111", false)]
    [InlineData("50001234567", false)] // 11 digits
    [InlineData("5000123456789", false)]
    [InlineData("", false)]
    [InlineData("abcdefghij", false)]
    public void An_identifier_is_a_national_code_or_a_foreign_nationals_twelve_digits(string typed, bool valid) =>
        Assert.Equal(valid, HolderIdentifier.IsValid(PersianText.NormalizeCode(typed)));

    [Fact]
    public void The_label_matches_the_kind_of_identifier()
    {
        Assert.Equal("کد ملی", HolderIdentifier.Label("0084575948"));
        Assert.Equal("کد یکتای اتباع", HolderIdentifier.Label("500012345678"));
    }

    [Theory]
    [InlineData("/my", "/my")]
    [InlineData("/my/certificates?tab=all", "/my/certificates?tab=all")]
    [InlineData("/MY/Shares", "/MY/Shares")]
    [InlineData(null, "/my")]
    [InlineData("", "/my")]
    [InlineData("/mystery", "/my")]
    [InlineData("/admin", "/my")]
    [InlineData("https://evil.example/my", "/my")]
    [InlineData("//evil.example/my", "/my")]
    [InlineData("/\\evil.example/my", "/my")]
    [InlineData("/my/../admin", "/my")]
    [InlineData("/my/%2E%2E/admin", "/my")]
    [InlineData("/my/%2f%2fevil.example", "/my")]
    [InlineData("/my/\r\nSet-Cookie:x=1", "/my")]
    [InlineData("/my/\u0000", "/my")]
    public void Only_a_local_path_inside_the_holders_area_is_a_return_address(string? returnUrl, string expected) =>
        Assert.Equal(expected, HolderReturnUrl.Safe(returnUrl));
}
