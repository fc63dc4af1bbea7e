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
        RuleFor(i => i.NationalCode).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(InquiryInputRules.NationalCodeRequired)
            .ValidNationalCode();
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

    private static bool IsPlausibleBirthDate(DateOnly birth, DateOnly today) =>
        JalaliDate.YearOf(birth) >= 1300 && birth <= today.AddYears(-14);
}
