using CertificateInquiry.Web.Data;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>AwaitingVisit → UnderReview after the appointment passed without the applicant (an optional note).</summary>
public sealed class NoShowInput : CaseActionInput
{
    public const string DefaultNote = "متقاضی در زمان تعیین‌شده حاضر نشد. برای تعیین زمان تازه با اداره کل استان تماس بگیرید.";

    public override string? TypedText => NoShowNote;

    public string? NoShowNote { get; set; }

    public override void Normalize() => NoShowNote = Text(NoShowNote);
}

public sealed class NoShowInputValidator : AbstractValidator<NoShowInput>
{
    public NoShowInputValidator() =>
        RuleFor(i => i.NoShowNote).MaximumLength(DataLimits.Note).WithMessage(MoreDocumentsInputValidator.TooLong(DataLimits.Note));
}
