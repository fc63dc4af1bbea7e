using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>UnderReview → AwaitingVisit: an in-person visit or practical exam (Jalali date, time, place).</summary>
public sealed class VisitInput : AppointmentInput
{
    public override string? TypedText => Join(VisitDate, VisitTime, VisitPlace);

    public string? VisitKind { get; set; }
}

public sealed class VisitInputValidator : AbstractValidator<VisitInput>
{
    public VisitInputValidator(TimeProvider clock, OfficialHolidays holidays)
    {
        RuleFor(i => i.VisitKind)
            .Must(kind => Enum.TryParse<VisitKind>(kind, out var parsed) && Enum.IsDefined(parsed))
            .WithMessage("مراجعه حضوری یا آزمون عملی را انتخاب کنید.");
        AppointmentRules.Apply(this, clock, holidays);
    }
}
