using System.Text;
using CertificateInquiry.Web.Infrastructure.Identity;

namespace CertificateInquiry.UnitTests.Staff;

public sealed class StaffAuthenticatorTokenProviderTests
{
    [Theory]
    [InlineData(59L, "287082")] // RFC 6238 appendix B, SHA-1, the last 6 of 94287082
    [InlineData(1111111109L, "081804")]
    [InlineData(20000000000L, "353130")]
    public void Codes_are_those_of_rfc_6238(long unixSeconds, string code)
    {
        var secret = Encoding.ASCII.GetBytes("12345678901234567890");

        Assert.Equal(code, StaffAuthenticatorTokenProvider.Code(secret, unixSeconds / 30));
    }

    [Fact]
    public void A_base32_key_decodes_whatever_its_case_and_padding()
    {
        Assert.Equal(Encoding.ASCII.GetBytes("Hello!"), StaffAuthenticatorTokenProvider.FromBase32("jbswy3dpee======"));
    }
}
