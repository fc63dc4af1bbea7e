using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Identity;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Admin.Users;

/// <summary>The messages shared by the create and edit forms.</summary>
internal static class StaffUserRules
{
    public const string FullNameRequired = "نام و نام خانوادگی را وارد کنید.";
    public const string FullNameTooLong = "نام و نام خانوادگی حداکثر ۱۲۸ نویسه است.";
    public const string FullNameHasDigits = "نام و نام خانوادگی نباید رقم داشته باشد.";
    public const string TitleTooLong = "سمت حداکثر ۲۰۰ نویسه است.";
    public const string RoleRequired = "نقش را انتخاب کنید.";
    public const string ProvinceRequired = "برای مدیر یا کارشناس استانی، استان را انتخاب کنید.";

    public static bool IsKnownRole(string? role) => StaffRoles.Find(role) is not null;

    public static bool IsProvince(int? provinceId) => provinceId is >= 1 && provinceId <= Province.AllNames.Count;

    public static void AddPersonRules<T>(AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string?>> fullName,
        System.Linq.Expressions.Expression<Func<T, string?>> title)
    {
        validator.RuleFor(fullName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(FullNameRequired)
            .MaximumLength(DataLimits.Name * 2).WithMessage(FullNameTooLong)
            .Must(name => !name!.Any(char.IsDigit)).WithMessage(FullNameHasDigits);
        validator.RuleFor(title).MaximumLength(DataLimits.Title).WithMessage(TitleTooLong);
    }
}
