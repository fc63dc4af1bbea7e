using CertificateInquiry.Web.Data;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>An internal note: staff only, never shown to the applicant.</summary>
public sealed class NoteInput : CaseActionInput
{
    public override string? TypedText => NoteText;

    public string? NoteText { get; set; }

    public override void Normalize() => NoteText = Text(NoteText);
}

public sealed class NoteInputValidator : AbstractValidator<NoteInput>
{
    public NoteInputValidator() =>
        RuleFor(i => i.NoteText).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("متن یادداشت را بنویسید.")
            .MaximumLength(DataLimits.Note).WithMessage(MoreDocumentsInputValidator.TooLong(DataLimits.Note));
}
