using CertificateInquiry.Web.Data;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>A manager sends the pending proposal back, saying why.</summary>
public sealed class ReturnInput : CaseActionInput
{
    public override string? TypedText => ReturnNote;

    public string? ReturnNote { get; set; }

    public override void Normalize() => ReturnNote = Text(ReturnNote);
}

public sealed class ReturnInputValidator : AbstractValidator<ReturnInput>
{
    public ReturnInputValidator() =>
        RuleFor(i => i.ReturnNote).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("بنویسید چرا پاسخ پیشنهادی برگردانده می‌شود.")
            .MaximumLength(DataLimits.Note).WithMessage(MoreDocumentsInputValidator.TooLong(DataLimits.Note));
}
