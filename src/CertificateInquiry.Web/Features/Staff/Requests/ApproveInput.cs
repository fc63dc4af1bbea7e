using CertificateInquiry.Web.Data;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>A manager approves the pending proposal (a note is optional).</summary>
public sealed class ApproveInput : CaseActionInput
{
    public override string? TypedText => ApprovalNote;

    public string? ApprovalNote { get; set; }

    public override void Normalize() => ApprovalNote = Text(ApprovalNote);
}

public sealed class ApproveInputValidator : AbstractValidator<ApproveInput>
{
    public ApproveInputValidator() =>
        RuleFor(i => i.ApprovalNote).MaximumLength(DataLimits.Note).WithMessage(MoreDocumentsInputValidator.TooLong(DataLimits.Note));
}
