using CertificateInquiry.Web.Features.Requests.Form;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Holders.Account;

/// <summary>Runs on a normalized <see cref="MobileSignInInput"/>.</summary>
public sealed class MobileSignInInputValidator : AbstractValidator<MobileSignInInput>
{
    public const string IdentifierRequired = "کد ملی (یا کد یکتای اتباع) را وارد کنید.";
    public const string IdentifierInvalid = "کد ملی ده رقم دارد و کد یکتای اتباع دوازده رقم؛ رقم‌ها را دوباره بررسی کنید.";

    public MobileSignInInputValidator()
    {
        RuleFor(i => i.Identifier).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(IdentifierRequired)
            .Must(HolderIdentifier.IsValid).WithMessage(IdentifierInvalid);
        RuleFor(i => i.Mobile).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("شماره تلفن همراه را وارد کنید.")
            .Must(MobileNumber.IsValid).WithMessage("شماره تلفن همراه با ۰۹ شروع می‌شود و ۱۱ رقم دارد، مثلاً ۰۹۱۲۳۴۵۶۷۸۹.");
    }
}
