using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Shared.Inquiry;

/// <summary>The rules every inquiry form applies to the keys it takes (national code, certificate or license number).</summary>
internal static class InquiryInputRules
{
    public const string NationalCodeRequired = "کد ملی را وارد کنید.";
    public const string NationalCodeInvalid = "کد ملی درست نیست؛ کد ملی ده رقم دارد، رقم‌ها را دوباره بررسی کنید.";

    public static IRuleBuilderOptions<T, string?> ValidNationalCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(code => NationalCode.IsValid(code)).WithMessage(NationalCodeInvalid);

    public static IRuleBuilderOptions<T, string?> WellFormedNumber<T>(this IRuleBuilder<T, string?> rule, string what) =>
        rule.Must(number => IsWellFormedNumber(number!))
            .WithMessage($"{what} فقط از رقم، حروف لاتین، خط تیره (-) و ممیز (/) تشکیل می‌شود.");

    /// <summary>A normalized certificate or license number: digits, Latin capitals, '-' and '/', within the column's length.</summary>
    public static bool IsWellFormedNumber(string number) =>
        number.Length <= DataLimits.CertificateNumber && number.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c) || c is '-' or '/');
}
