using CertificateInquiry.Web.Domain.Corrections;
using CertificateInquiry.Web.Features.Staff.Requests;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Staff.Corrections;

/// <summary>The forms of the correction case page; each posts the case's <see cref="CertificateCorrection.Version"/> (the base class).</summary>
public static class CorrectionInputs
{
    public const int ReasonLimit = 500;

    public const int NoteLimit = 1000;

    public static string TooLong(int limit) => "متن بیش از " + PersianText.ToPersianDigits(limit) + " نویسه است؛ آن را کوتاه‌تر کنید.";
}

/// <summary>The expert's proposal: correct (with the value, as the holder gave it or adjusted) or reject (with the reason the holder is told).</summary>
public sealed class CorrectionProposalInput : CaseActionInput
{
    public string? Outcome { get; set; }

    /// <summary>The value to write: a name, a Jalali date or a standard's id; read against the record by the action.</summary>
    public string? Value { get; set; }

    public string? Reason { get; set; }

    public override string? TypedText => Join(Value, Reason);

    public CorrectionOutcome? ParsedOutcome =>
        Enum.TryParse<CorrectionOutcome>(Outcome, out var outcome) && Enum.IsDefined(outcome) && !int.TryParse(Outcome, out _) ? outcome : null;

    public override void Normalize() => Reason = Reason is { Length: > 4 * CorrectionInputs.ReasonLimit } ? Reason : Text(Reason);
}

public sealed class CorrectionProposalInputValidator : AbstractValidator<CorrectionProposalInput>
{
    public const string OutcomeRequired = "بگویید گزارش درست است و اصلاح شود یا رد شود.";
    public const string ReasonRequired = "دلیل رد را بنویسید؛ همین دلیل با پیامک به دارنده گفته می‌شود.";

    public CorrectionProposalInputValidator()
    {
        RuleFor(i => i.Outcome).Must((input, _) => input.ParsedOutcome is not null).WithMessage(OutcomeRequired);
        RuleFor(i => i.Value).NotEmpty().When(i => i.ParsedOutcome == CorrectionOutcome.Correct).WithMessage("مقدار درست را وارد کنید.");
        RuleFor(i => i.Reason).Cascade(CascadeMode.Stop)
            .NotEmpty().When(i => i.ParsedOutcome == CorrectionOutcome.Reject).WithMessage(ReasonRequired)
            .MaximumLength(CorrectionInputs.ReasonLimit).WithMessage(CorrectionInputs.TooLong(CorrectionInputs.ReasonLimit));
    }
}

/// <summary>The manager approves the proposal as it stands, with an optional note.</summary>
public sealed class CorrectionApproveInput : CaseActionInput
{
    public string? ApprovalNote { get; set; }

    public override string? TypedText => ApprovalNote;

    public override void Normalize() => ApprovalNote = ApprovalNote is { Length: > 4 * CorrectionInputs.NoteLimit } ? ApprovalNote : Text(ApprovalNote);
}

public sealed class CorrectionApproveInputValidator : AbstractValidator<CorrectionApproveInput>
{
    public CorrectionApproveInputValidator() =>
        RuleFor(i => i.ApprovalNote).MaximumLength(CorrectionInputs.NoteLimit).WithMessage(CorrectionInputs.TooLong(CorrectionInputs.NoteLimit));
}

/// <summary>The manager sends the proposal back to the experts with a note.</summary>
public sealed class CorrectionReturnInput : CaseActionInput
{
    public string? ReturnNote { get; set; }

    public override string? TypedText => ReturnNote;

    public override void Normalize() => ReturnNote = ReturnNote is { Length: > 4 * CorrectionInputs.NoteLimit } ? ReturnNote : Text(ReturnNote);
}

public sealed class CorrectionReturnInputValidator : AbstractValidator<CorrectionReturnInput>
{
    public CorrectionReturnInputValidator() =>
        RuleFor(i => i.ReturnNote).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("بنویسید چرا پیشنهاد برگردانده می‌شود.")
            .MaximumLength(CorrectionInputs.NoteLimit).WithMessage(CorrectionInputs.TooLong(CorrectionInputs.NoteLimit));
}
