using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Requests.Form;

public sealed class CertificateClaimInputValidator : AbstractValidator<CertificateClaimInput>
{
    public const int EarliestExamYear = 1340;

    public CertificateClaimInputValidator()
    {
        RuleFor(i => i.Trade).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("رشته یا استاندارد آموزشی را وارد کنید.")
            .MaximumLength(DataLimits.Title).WithMessage("عنوان رشته بیش از اندازه بلند است.");
        RuleFor(i => i.ExamYear).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("سال آزمون را وارد کنید.")
            .Must(text => int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) && year >= EarliestExamYear && year < 10000)
            .WithMessage("سال آزمون را به‌صورت چهار رقم شمسی بنویسید، مثلاً ۱۳۸۵.")
            .Must(text => int.Parse(text!, System.Globalization.CultureInfo.InvariantCulture) < InquiryRequest.FirstElectronicYear)
            .WithMessage("این درخواست برای گواهینامه‌های پیش از سال ۱۳۹۲ است؛ گواهینامه‌های ۱۳۹۲ به بعد را در استعلام برخط جستجو کنید.");
        RuleFor(i => i.ProvinceId)
            .Must(text => int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id >= 1 && id <= Province.AllNames.Count)
            .WithMessage("استانی را که گواهینامه را صادر کرده است انتخاب کنید.");
        RuleFor(i => i.TrainingCenter).MaximumLength(DataLimits.Title).WithMessage("نام مرکز آموزش بیش از اندازه بلند است.");
        RuleFor(i => i.CertificateNumber).WellFormedNumber("شماره گواهینامه").When(i => !string.IsNullOrEmpty(i.CertificateNumber));
    }
}
