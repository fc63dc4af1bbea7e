using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.AgencyPortal.Users;

/// <summary>
/// The form that creates an agency portal user (e-mail, name, role) or changes one (name, role; the e-mail is left
/// alone then). The first password is always made up by the portal and shown once.
/// </summary>
public sealed class AgencyUserInput
{
    public string? Email { get; set; }

    public string? FullName { get; set; }

    public string? Role { get; set; }

    /// <summary>When changing: the account's concurrency stamp when the form was drawn, so a change made meanwhile is not overwritten.</summary>
    public string? ConcurrencyStamp { get; set; }

    public void Normalize()
    {
        Email = PersianText.NormalizeDigits(Email).Trim();
        FullName = PersianText.Normalize(FullName);
        Role = AgencyRoles.Find(Role) ?? (string.IsNullOrWhiteSpace(Role) ? null : Role);
    }
}

public sealed class AgencyUserInputValidator : AbstractValidator<AgencyUserInput>
{
    public const string EmailRequired = "ایمیل را وارد کنید.";
    public const string EmailInvalid = "نشانی ایمیل معتبر نیست؛ به این شکل بنویسید: name@example.ir";
    public const string FullNameRequired = "نام و نام خانوادگی را وارد کنید.";
    public const string FullNameTooLong = "نام و نام خانوادگی حداکثر ۱۲۸ نویسه است.";
    public const string FullNameHasDigits = "نام و نام خانوادگی نباید رقم داشته باشد.";
    public const string RoleRequired = "نقش را انتخاب کنید.";

    public AgencyUserInputValidator()
    {
        RuleFor(i => i.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(EmailRequired)
            .MaximumLength(DataLimits.Email).WithMessage(EmailInvalid)
            .Matches(@"^[^@\s\p{C}]+@[^@\s\p{C}]+\.[^@\s\p{C}]+$").WithMessage(EmailInvalid)
            .When(i => i.ConcurrencyStamp is null); // changing an account leaves its e-mail as it is
        RuleFor(i => i.FullName).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(FullNameRequired)
            .MaximumLength(DataLimits.Name * 2).WithMessage(FullNameTooLong)
            .Must(name => !name!.Any(char.IsDigit) && !name!.Any(char.IsControl)).WithMessage(FullNameHasDigits);
        RuleFor(i => i.Role).Must(role => AgencyRoles.Find(role) is not null).WithMessage(RoleRequired);
    }
}
