using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>
/// The holder's details as the paper archive gives them, for a request opened from an agency's paper letter (whose list
/// gives only the national code and perhaps the names): what a paper certificate needs to be digitized (ADR-027).
/// </summary>
public sealed class HolderInput : CaseActionInput
{
    public string? HolderFirstName { get; set; }

    public string? HolderLastName { get; set; }

    public string? HolderFatherName { get; set; }

    /// <summary>Jalali, <c>1350/01/15</c>, in any digit script.</summary>
    public string? HolderBirthDate { get; set; }

    /// <summary><c>Male</c> or <c>Female</c>.</summary>
    public string? HolderGender { get; set; }

    public DateOnly? ParsedBirthDate => JalaliDate.TryParse(HolderBirthDate, out var date) ? date : null;

    public Gender? ParsedGender => Enum.TryParse<Gender>(HolderGender, ignoreCase: false, out var gender) && Enum.IsDefined(gender) ? gender : null;

    public override string? TypedText => Join(HolderFirstName, HolderLastName, HolderFatherName, HolderBirthDate);

    public override void Normalize()
    {
        HolderFirstName = Text(HolderFirstName);
        HolderLastName = Text(HolderLastName);
        HolderFatherName = Text(HolderFatherName);
        HolderBirthDate = Text(HolderBirthDate);
    }
}

public sealed class HolderInputValidator : AbstractValidator<HolderInput>
{
    public HolderInputValidator(TimeProvider clock)
    {
        Name(i => i.HolderFirstName, "نام");
        Name(i => i.HolderLastName, "نام خانوادگی");
        Name(i => i.HolderFatherName, "نام پدر");
        RuleFor(i => i.HolderBirthDate).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("تاریخ تولد را وارد کنید.")
            .Must((input, _) => input.ParsedBirthDate is not null).WithMessage("تاریخ تولد را به‌صورت سال/ماه/روز شمسی بنویسید؛ مثلاً ۱۳۵۰/۰۱/۱۵.")
            .Must((input, _) => input.ParsedBirthDate < IranTime.Today(clock)).WithMessage("تاریخ تولد باید در گذشته باشد.");
        RuleFor(i => i.HolderGender).Must((input, _) => input.ParsedGender is not null).WithMessage("جنسیت دارنده را برگزینید.");
    }

    private void Name(System.Linq.Expressions.Expression<Func<HolderInput, string?>> field, string title) =>
        RuleFor(field).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(title + " دارنده را وارد کنید.")
            .Must(name => name!.Length <= DataLimits.Name && PersonName.IsValid(name)).WithMessage(title + PersonName.RefusalSuffix);
}
