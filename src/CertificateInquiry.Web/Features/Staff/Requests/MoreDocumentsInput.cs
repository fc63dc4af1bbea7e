using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>UnderReview → NeedsMoreDocuments with what the applicant must send.</summary>
public sealed class MoreDocumentsInput : CaseActionInput
{
    public override string? TypedText => DocumentsMessage;

    public string? DocumentsMessage { get; set; }

    public override void Normalize() => DocumentsMessage = Text(DocumentsMessage);
}

public sealed class MoreDocumentsInputValidator : AbstractValidator<MoreDocumentsInput>
{
    public MoreDocumentsInputValidator() =>
        RuleFor(i => i.DocumentsMessage).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("بنویسید متقاضی چه مدرکی باید بفرستد.")
            .MaximumLength(DataLimits.Note).WithMessage(TooLong(DataLimits.Note));

    internal static string TooLong(int limit) =>
        "متن بیش از " + PersianText.ToPersianDigits(limit) + " نویسه است؛ آن را کوتاه‌تر کنید.";
}
