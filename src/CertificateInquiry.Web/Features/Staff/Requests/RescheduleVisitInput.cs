using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>AwaitingVisit → AwaitingVisit: the same visit at a new time or place, with an optional word for the applicant.</summary>
public sealed class RescheduleVisitInput : AppointmentInput
{
    public override string? TypedText => Join(VisitDate, VisitTime, VisitPlace, RescheduleNote);

    public string? RescheduleNote { get; set; }

    public override void Normalize()
    {
        base.Normalize();
        RescheduleNote = Text(RescheduleNote);
    }
}

public sealed class RescheduleVisitInputValidator : AbstractValidator<RescheduleVisitInput>
{
    public RescheduleVisitInputValidator(TimeProvider clock, OfficialHolidays holidays)
    {
        AppointmentRules.Apply(this, clock, holidays);
        RuleFor(i => i.RescheduleNote).MaximumLength(DataLimits.Note).WithMessage(MoreDocumentsInputValidator.TooLong(DataLimits.Note));
    }
}
