using CertificateInquiry.Web.Data;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>AwaitingVisit → UnderReview: the visit is called off, saying why (shown to the applicant).</summary>
public sealed class CancelVisitInput : CaseActionInput
{
    public override string? TypedText => CancelReason;

    public string? CancelReason { get; set; }

    public override void Normalize() => CancelReason = Text(CancelReason);
}

public sealed class CancelVisitInputValidator : AbstractValidator<CancelVisitInput>
{
    public CancelVisitInputValidator() =>
        RuleFor(i => i.CancelReason).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("بنویسید چرا مراجعه لغو می‌شود؛ متقاضی همین را می‌بیند.")
            .MaximumLength(DataLimits.Note).WithMessage(MoreDocumentsInputValidator.TooLong(DataLimits.Note));
}
