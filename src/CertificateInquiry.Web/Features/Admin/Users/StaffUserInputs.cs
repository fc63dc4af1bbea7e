using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Admin.Users;

/// <summary>The filters of the users list, from the query string.</summary>
public sealed class StaffUserListQuery
{
    public int? Province { get; set; }

    public string? Role { get; set; }

    /// <summary>Part of a name or an e-mail address.</summary>
    public string? Q { get; set; }

    /// <summary>As typed in the address; <c>Paging.ParsePage</c> reads it.</summary>
    public string? Page { get; set; }

    public void Normalize()
    {
        Q = PersianText.Normalize(Q);
        Role = StaffRoles.Find(Role);
        if (Province is < 1 || Province > Domain.Province.AllNames.Count)
        {
            Province = null;
        }
    }
}

/// <summary>How the first password of a new account is chosen.</summary>
public static class PasswordChoice
{
    /// <summary>The portal makes one up and shows it once.</summary>
    public const string Generate = "generate";

    /// <summary>The admin types one.</summary>
    public const string Type = "type";
}

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

/// <summary>The form that changes a member of staff's name, title, role and province.</summary>
public sealed class EditStaffUserInput
{
    public string? FullName { get; set; }

    public string? Title { get; set; }

    public string? Role { get; set; }

    public int? ProvinceId { get; set; }

    /// <summary>The account's concurrency stamp when the form was drawn: a change made meanwhile is not overwritten.</summary>
    public string? ConcurrencyStamp { get; set; }

    public void Normalize()
    {
        FullName = PersianText.Normalize(FullName);
        Title = PersianText.Normalize(Title);
        Role = StaffRoles.Find(Role) ?? (string.IsNullOrWhiteSpace(Role) ? null : Role);
        if (Role == StaffRoles.NationalAdmin)
        {
            ProvinceId = null;
        }
    }
}

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

public sealed class EditStaffUserInputValidator : AbstractValidator<EditStaffUserInput>
{
    public EditStaffUserInputValidator()
    {
        StaffUserRules.AddPersonRules(this, i => i.FullName, i => i.Title);
        RuleFor(i => i.Role).Must(StaffUserRules.IsKnownRole).WithMessage(StaffUserRules.RoleRequired);
        RuleFor(i => i.ProvinceId)
            .Must(StaffUserRules.IsProvince).When(i => i.Role is { } role && StaffRoles.IsProvincial(role))
            .WithMessage(StaffUserRules.ProvinceRequired);
    }
}
