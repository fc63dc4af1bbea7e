using CertificateInquiry.Web.Features.Shared.Inquiry;
using FluentValidation;

namespace CertificateInquiry.Web.Features.CertificateLookup;

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
