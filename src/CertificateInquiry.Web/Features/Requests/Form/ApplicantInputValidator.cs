using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Features.Shared.Inquiry;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Requests.Form;

public sealed class ApplicantInputValidator : AbstractValidator<ApplicantInput>
{
    public ApplicantInputValidator(TimeProvider clock)
    {
        RuleFor(i => i.IdentityKind).Must(Choice.Is<ApplicantIdentity>).WithMessage("مشخص کنید دارنده ایرانی است یا تبعه خارجی.");
        When(i => !i.IsForeign, () =>
            RuleFor(i => i.NationalCode).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("کد ملی را وارد کنید.")
                .Must(code => !HolderIdentifier.IsForeign(code)).WithMessage(ForeignIdForIranian)
                .ValidNationalCode());
        When(i => i.IsForeign, () =>
        {
            RuleFor(i => i.NationalCode).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("کد یکتای اتباع را وارد کنید.")
                .Must(code => HolderIdentifier.Kind(code) != HolderIdentifierKind.NationalCode).WithMessage(NationalCodeForForeign)
                .Must(HolderIdentifier.IsValidForeignId).WithMessage((_, code) => HolderIdentifier.Refusal(code));
            RuleFor(i => i.Nationality).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(NationalityRequired)
                .Must(Countries.IsForeign).WithMessage(NationalityUnknown);
            RuleFor(i => i.IdentityDocumentNumber)
                .Must(number => number!.Length <= DataLimits.IdentityDocumentNumber && number.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c) || c is '-' or '/'))
                .WithMessage($"شماره گذرنامه یا کارت اقامت فقط از رقم و حروف لاتین تشکیل می‌شود و حداکثر {PersianText.ToPersianDigits(DataLimits.IdentityDocumentNumber)} نویسه دارد.")
                .When(i => !string.IsNullOrEmpty(i.IdentityDocumentNumber));
        });
        RuleFor(i => i.FirstName).PersianName("نام");
        RuleFor(i => i.LastName).PersianName("نام خانوادگی");
        RuleFor(i => i.FatherName).PersianName("نام پدر");
        RuleFor(i => i.BirthDate).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("تاریخ تولد را وارد کنید.")
            .Must(text => JalaliDate.TryParse(text, out _)).WithMessage("تاریخ تولد را به‌صورت سال/ماه/روز شمسی بنویسید، مثلاً ۱۳۶۵/۰۴/۲۱.")
            .Must(text => JalaliDate.TryParse(text, out var birth) && IsPlausibleBirthDate(birth, IranTime.Today(clock)))
            .WithMessage("تاریخ تولد باید دست‌کم ۱۴ سال پیش از امروز و پس از سال ۱۳۰۰ باشد.");
        RuleFor(i => i.Gender).Must(Choice.Is<Gender>).WithMessage("جنسیت را انتخاب کنید.");
        RuleFor(i => i.Mobile).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("شماره تلفن همراه را وارد کنید.")
            .Must(MobileNumber.IsValid).WithMessage("شماره تلفن همراه با ۰۹ شروع می‌شود و ۱۱ رقم دارد، مثلاً ۰۹۱۲۳۴۵۶۷۸۹.");
        RuleFor(i => i.Email).Cascade(CascadeMode.Stop)
            .MaximumLength(DataLimits.Email).WithMessage("نشانی ایمیل بیش از اندازه بلند است.")
            .EmailAddress().WithMessage("نشانی ایمیل درست نیست؛ مثلاً name@example.com.")
            .When(i => !string.IsNullOrEmpty(i.Email));
        RuleFor(i => i.RequesterKind).Must(Choice.Is<RequesterKind>).WithMessage("مشخص کنید درخواست را چه کسی ثبت می‌کند.");
        When(i => i.RequesterKind == nameof(Domain.Requests.RequesterKind.Organization), () =>
        {
            RuleFor(i => i.OrganizationName).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("نام سازمان درخواست‌کننده را وارد کنید.")
                .MaximumLength(DataLimits.Title).WithMessage("نام سازمان بیش از اندازه بلند است.");
            RuleFor(i => i.OrganizationLetterNumber).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("شماره نامه سازمان را وارد کنید.")
                .MaximumLength(DataLimits.Name).WithMessage("شماره نامه بیش از اندازه بلند است.");
        });
    }

    public const string ForeignIdForIranian =
        "این کد دوازده رقم دارد و کد یکتای اتباع است؛ کد ملی ده رقم دارد. اگر دارنده تبعه خارجی است، «تبعه خارجی» را انتخاب کنید.";

    public const string NationalCodeForForeign =
        "این کد ده رقم دارد و کد ملی است؛ کد یکتای اتباع دوازده رقم دارد. اگر دارنده ایرانی است، «ایرانی» را انتخاب کنید.";

    public const string NationalityRequired = "ملیت دارنده را انتخاب کنید.";

    public const string NationalityUnknown = "ملیت را از فهرست کشورها انتخاب کنید.";

    private static bool IsPlausibleBirthDate(DateOnly birth, DateOnly today) =>
        JalaliDate.YearOf(birth) >= 1300 && birth <= today.AddYears(-14);
}
