using CertificateInquiry.Web.Data;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>AwaitingVisit → UnderReview: the visit or exam took place (what happened, optional, shown to the applicant).</summary>
public sealed class VisitHeldInput : CaseActionInput
{
    public override string? TypedText => VisitHeldNote;

    public string? VisitHeldNote { get; set; }

    public override void Normalize() => VisitHeldNote = Text(VisitHeldNote);
}

public sealed class VisitHeldInputValidator : AbstractValidator<VisitHeldInput>
{
    public VisitHeldInputValidator() =>
        RuleFor(i => i.VisitHeldNote).MaximumLength(DataLimits.Note).WithMessage(MoreDocumentsInputValidator.TooLong(DataLimits.Note));
}
