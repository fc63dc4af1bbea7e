using CertificateInquiry.Web.Features.Shared.Inquiry;
using FluentValidation;

namespace CertificateInquiry.Web.Features.CertificateLookup;

public sealed class CertificateLookupInputValidator : AbstractValidator<CertificateLookupInput>
{
    public CertificateLookupInputValidator()
    {
        RuleFor(i => i.NationalCode).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(InquiryInputRules.NationalCodeRequired)
            .ValidNationalCode();
        RuleFor(i => i.CertificateNumber).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("شماره گواهینامه را وارد کنید.")
            .WellFormedNumber("شماره گواهینامه");
    }
}
