using FluentValidation;

namespace CertificateInquiry.Web.Features.Holders.ShareCodes;

public sealed class ShareInputValidator : AbstractValidator<ShareInput>
{
    public const string CodeRequired = "کد اشتراکی را که دارنده به شما داده است وارد کنید.";
    public const string CodeMalformed = "کد اشتراک دوازده نویسه (حرف لاتین و رقم) دارد، مانند K7QM-3XPA-9TWD؛ آن را دوباره با کدی که دارنده داده است مقایسه کنید.";

    public ShareInputValidator()
    {
        RuleFor(i => i.Code).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(CodeRequired)
            .Must((input, _) => input.NormalizedCode is not null).WithMessage(CodeMalformed);
    }
}
