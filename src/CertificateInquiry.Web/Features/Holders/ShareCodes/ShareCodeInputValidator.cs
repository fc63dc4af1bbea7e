using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Holders.ShareCodes;

public sealed class ShareCodeInputValidator : AbstractValidator<ShareCodeInput>
{
    public ShareCodeInputValidator()
    {
        RuleFor(i => i.Days).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("مدت اعتبار کد را به روز وارد کنید.")
            .Must((input, _) => input.DaysValue is >= 1 and <= HolderShareCodes.MaxDays)
            .WithMessage($"مدت اعتبار کد باید بین ۱ تا {PersianText.ToPersianDigits(HolderShareCodes.MaxDays)} روز باشد.");
        RuleFor(i => i.Recipient)
            .MaximumLength(DataLimits.ShareRecipient).WithMessage($"یادداشت گیرنده حداکثر {PersianText.ToPersianDigits(DataLimits.ShareRecipient)} نویسه است.")
            .Must(text => text is null || !text.Any(char.IsControl)).WithMessage("یادداشت گیرنده نویسه نامعتبر دارد.");
        RuleFor(i => i.CreationKey)
            .Must(key => key is { Length: 32 } && key.All(char.IsAsciiHexDigitLower))
            .WithMessage("فرم منقضی شده است؛ صفحه را دوباره باز کنید و کد را بسازید.");
        RuleFor(i => i.Certificate)
            .Must(number => number is null || number.Length <= DataLimits.CertificateNumber)
            .WithMessage("گواهینامه انتخاب‌شده درست نیست.");
    }
}
