using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Admin.Users;

/// <summary>The form that creates a member of staff.</summary>
public sealed class NewStaffUserInput
{
    public string? Email { get; set; }

    public string? FullName { get; set; }

    public string? Title { get; set; }

    public string? Role { get; set; }

    public int? ProvinceId { get; set; }

    public string? PasswordChoice { get; set; } = Users.PasswordChoice.Generate;

    /// <summary>Taken exactly as typed (spaces and all): it is a secret, not text to tidy.</summary>
    public string? Password { get; set; }

    public void Normalize()
    {
        Email = PersianText.NormalizeDigits(Email).Trim();
        FullName = PersianText.Normalize(FullName);
        Title = PersianText.Normalize(Title);
        Role = StaffRoles.Find(Role) ?? (string.IsNullOrWhiteSpace(Role) ? null : Role);

        // A national admin works for every province: a province left selected from an earlier choice means nothing.
        if (Role == StaffRoles.NationalAdmin)
        {
            ProvinceId = null;
        }
    }
}

public sealed class NewStaffUserInputValidator : AbstractValidator<NewStaffUserInput>
{
    public const string EmailRequired = "ایمیل را وارد کنید.";
    public const string EmailInvalid = "نشانی ایمیل معتبر نیست؛ به این شکل بنویسید: name@tvto.ir";
    public const string PasswordChoiceRequired = "روش ساختن گذرواژه را انتخاب کنید.";
    public const string PasswordRequired = "گذرواژه را وارد کنید، یا «سامانه گذرواژه بسازد» را انتخاب کنید.";
    public const string PasswordTooShort = "گذرواژه باید دست‌کم ۱۰ نویسه باشد.";

    public NewStaffUserInputValidator()
    {
        RuleFor(i => i.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(EmailRequired)
            .MaximumLength(DataLimits.Email).WithMessage(EmailInvalid)
            .Matches(@"^[^@\s]+@[^@\s]+\.[^@\s]+$").WithMessage(EmailInvalid);
        StaffUserRules.AddPersonRules(this, i => i.FullName, i => i.Title);
        RuleFor(i => i.Role).Must(StaffUserRules.IsKnownRole).WithMessage(StaffUserRules.RoleRequired);
        RuleFor(i => i.ProvinceId)
            .Must(StaffUserRules.IsProvince).When(i => i.Role is { } role && StaffRoles.IsProvincial(role))
            .WithMessage(StaffUserRules.ProvinceRequired);
        RuleFor(i => i.PasswordChoice)
            .Must(choice => choice is PasswordChoice.Generate or PasswordChoice.Type).WithMessage(PasswordChoiceRequired);
        RuleFor(i => i.Password).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(PasswordRequired)
            .MinimumLength(10).WithMessage(PasswordTooShort)
            .When(i => i.PasswordChoice == PasswordChoice.Type);
    }
}
