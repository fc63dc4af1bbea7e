using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Shared.Inquiry;

/// <summary>
/// The rules every inquiry form applies to the keys it takes (the holder's identifier, certificate or license number).
/// The field called <c>NationalCode</c> takes an Iranian national code (10 digits) or a foreign national's unique
/// identifier (12 digits): <see cref="HolderIdentifier"/>.
/// </summary>
public static class InquiryInputRules
{
    public const string NationalCodeRequired = "کد ملی یا کد یکتای اتباع را وارد کنید.";

    /// <summary>The refusal of a value of neither length: it explains both kinds.</summary>
    public const string NationalCodeInvalid = HolderIdentifier.WrongLength;

    /// <summary>A valid national code or foreign national's identifier; the message says what is wrong with this one.</summary>
    public static IRuleBuilderOptions<T, string?> ValidNationalCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(code => HolderIdentifier.IsValid(code)).WithMessage((_, code) => HolderIdentifier.Refusal(code));

    public static IRuleBuilderOptions<T, string?> WellFormedNumber<T>(this IRuleBuilder<T, string?> rule, string what) =>
        rule.Must(number => IsWellFormedNumber(number!)).WithMessage(NumberCharactersMessage(what));

    /// <summary>A certificate or license number once normalized: digits, Latin capitals, '-' and '/', within the column's length.</summary>
    public static bool IsWellFormedNumber(string number) =>
        number.Length <= DataLimits.CertificateNumber && number.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c) || c is '-' or '/');

    public static string NumberCharactersMessage(string what) => $"{what} فقط از رقم، حروف لاتین، خط تیره (-) و ممیز (/) تشکیل می‌شود.";
}
