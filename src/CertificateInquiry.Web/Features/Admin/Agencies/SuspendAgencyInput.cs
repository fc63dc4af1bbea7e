using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Admin.Agencies;

/// <summary>The suspension form: why the agency is cut off (kept with it and in the audit trail).</summary>
public sealed class SuspendAgencyInput
{
    public string? Reason { get; set; }

    public void Normalize() => Reason = PersianText.Normalize(Reason);
}

public sealed class SuspendAgencyInputValidator : AbstractValidator<SuspendAgencyInput>
{
    public const string ReasonRequired = "دلیل تعلیق را بنویسید.";
    public const string ReasonTooLong = "دلیل تعلیق حداکثر ۲۰۰۰ نویسه است.";

    public SuspendAgencyInputValidator()
    {
        RuleFor(i => i.Reason).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(ReasonRequired)
            .MaximumLength(DataLimits.Note).WithMessage(ReasonTooLong);
    }
}
