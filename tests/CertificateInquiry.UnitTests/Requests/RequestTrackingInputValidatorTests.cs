using CertificateInquiry.Web.Features.Requests.Tracking;

namespace CertificateInquiry.UnitTests.Requests;

public class RequestTrackingInputValidatorTests
{
    private static readonly RequestTrackingInputValidator Validator = new();

    private static Dictionary<string, string> Errors(string? trackingCode, string? nationalCode)
    {
        var input = new RequestTrackingInput { TrackingCode = trackingCode, NationalCode = nationalCode };
        input.Normalize();
        return Validator.Validate(input).Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);
    }

    [Theory]
    [InlineData("482915307714", "0076543218")]
    [InlineData("۴۸۲۹۱۵۳۰۷۷۱۴", "۰۰۷۶۵۴۳۲۱۸")] // Persian digits
    [InlineData("٤٨٢٩١٥٣٠٧٧١٤", "٠٠٧٦٥٤٣٢١٨")] // Arabic-Indic digits
    [InlineData(" 4829 1530 7714 ", " 007 654 3218 ")]
    [InlineData("4829-1530-7714", "0076543218")]
    public void Codes_in_any_digit_script_with_spaces_or_dashes_pass(string trackingCode, string nationalCode) =>
        Assert.Empty(Errors(trackingCode, nationalCode));

    [Theory]
    [InlineData("48291530771")]
    [InlineData("482915307715")]
    [InlineData("48291530771۵")]
    [InlineData("ABC915307714")]
    public void A_malformed_tracking_code_gets_the_persian_message(string trackingCode) =>
        Assert.Equal("کد رهگیری ۱۲ رقم است؛ آن را دوباره بررسی کنید.", Errors(trackingCode, "0076543218")["TrackingCode"]);

    [Fact]
    public void Both_keys_are_required()
    {
        var errors = Errors("", "  ");

        Assert.Equal("کد رهگیری را وارد کنید.", errors["TrackingCode"]);
        Assert.Equal("کد ملی یا کد یکتای اتباع را وارد کنید.", errors["NationalCode"]);
    }

    [Fact]
    public void A_national_code_with_a_wrong_check_digit_is_refused() =>
        Assert.Contains("کد ملی درست نیست", Errors("482915307714", "0076543217")["NationalCode"], StringComparison.Ordinal);
}
