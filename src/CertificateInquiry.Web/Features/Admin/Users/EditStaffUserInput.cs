using CertificateInquiry.Web.Infrastructure.Identity;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Admin.Users;

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
