using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.CertificateLookup;

/// <summary>The certificate lookup form: both keys required.</summary>
public sealed class CertificateLookupInput
{
    public string? NationalCode { get; set; }

    public string? CertificateNumber { get; set; }

    /// <summary>Digits of any script to ASCII, spaces out, Latin letters upper case.</summary>
    public void Normalize()
    {
        NationalCode = PersianText.NormalizeCode(NationalCode);
        CertificateNumber = PersianText.NormalizeCode(CertificateNumber);
    }

    /// <summary>The keys, once normalized, as one string: what a CAPTCHA solution is spent on.</summary>
    public string Keys => CertificateNumber + "\n" + NationalCode;
}

/// <summary>The employers' check: the number, and optionally the holder's national code for the full record.</summary>
public sealed class LicenseCheckInput
{
    public string? LicenseNumber { get; set; }

    public string? NationalCode { get; set; }

    public void Normalize()
    {
        LicenseNumber = PersianText.NormalizeCode(LicenseNumber);
        NationalCode = PersianText.NormalizeCode(NationalCode);
    }

    /// <summary>The keys, once normalized, as one string: what a CAPTCHA solution is spent on.</summary>
    public string Keys => LicenseNumber + "\n" + NationalCode;
}

internal static class LookupRules
{
    public const string NationalCodeRequired = "کد ملی را وارد کنید.";
    public const string NationalCodeInvalid = "کد ملی درست نیست؛ کد ملی ده رقم دارد، رقم‌ها را دوباره بررسی کنید.";

    public static IRuleBuilderOptions<T, string?> ValidNationalCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(code => NationalCode.IsValid(code)).WithMessage(NationalCodeInvalid);

    public static IRuleBuilderOptions<T, string?> WellFormedNumber<T>(this IRuleBuilder<T, string?> rule, string what) =>
        rule.Must(number => number!.Length <= DataLimits.CertificateNumber && number.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c) || c is '-' or '/'))
            .WithMessage($"{what} فقط از رقم، حروف لاتین، خط تیره (-) و ممیز (/) تشکیل می‌شود.");
}

public sealed class CertificateLookupInputValidator : AbstractValidator<CertificateLookupInput>
{
    public CertificateLookupInputValidator()
    {
        RuleFor(i => i.NationalCode).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(LookupRules.NationalCodeRequired)
            .ValidNationalCode();
        RuleFor(i => i.CertificateNumber).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("شماره گواهینامه را وارد کنید.")
            .WellFormedNumber("شماره گواهینامه");
    }
}

public sealed class LicenseCheckInputValidator : AbstractValidator<LicenseCheckInput>
{
    public LicenseCheckInputValidator()
    {
        RuleFor(i => i.LicenseNumber).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("شماره پروانه یا گواهینامه را وارد کنید.")
            .WellFormedNumber("شماره پروانه");
        RuleFor(i => i.NationalCode).ValidNationalCode().When(i => !string.IsNullOrEmpty(i.NationalCode));
    }
}
