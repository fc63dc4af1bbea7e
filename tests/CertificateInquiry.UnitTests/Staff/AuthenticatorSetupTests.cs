using CertificateInquiry.Web.Infrastructure.Identity;

namespace CertificateInquiry.UnitTests.Staff;

public sealed class AuthenticatorSetupTests
{
    [Theory]
    [InlineData("jbswy3dpehpk3pxp", "JBSW Y3DP EHPK 3PXP")]
    [InlineData("JBSWY3DPEHPK3PXPAB", "JBSW Y3DP EHPK 3PXP AB")]
    [InlineData("ABC", "ABC")]
    public void The_key_is_shown_in_upper_case_groups_of_four(string key, string shown)
    {
        Assert.Equal(shown, AuthenticatorSetup.FormatKey(key));
    }

    [Fact]
    public void The_uri_names_issuer_and_account_and_carries_the_key()
    {
        var uri = AuthenticatorSetup.OtpAuthUri("TVTO Certificate Inquiry", "admin@tvto.example", "jbswy3dpehpk3pxp");

        Assert.Equal(
            "otpauth://totp/TVTO%20Certificate%20Inquiry:admin%40tvto.example?secret=JBSWY3DPEHPK3PXP&issuer=TVTO%20Certificate%20Inquiry&digits=6",
            uri);
    }

    [Fact]
    public void The_qr_code_is_a_png_in_a_data_uri()
    {
        var dataUri = AuthenticatorSetup.QrCodeDataUri("otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP");

        Assert.StartsWith("data:image/png;base64,", dataUri, StringComparison.Ordinal);
        var png = Convert.FromBase64String(dataUri["data:image/png;base64,".Length..]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }
}
