using CertificateInquiry.Web.Data;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>A message to the applicant, shown on the tracking page.</summary>
public sealed class MessageInput : CaseActionInput
{
    public override string? TypedText => MessageText;

    public string? MessageText { get; set; }

    public override void Normalize() => MessageText = Text(MessageText);
}

public sealed class MessageInputValidator : AbstractValidator<MessageInput>
{
    public MessageInputValidator() =>
        RuleFor(i => i.MessageText).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("متن پیام را بنویسید.")
            .MaximumLength(DataLimits.Note).WithMessage(MoreDocumentsInputValidator.TooLong(DataLimits.Note));
}
