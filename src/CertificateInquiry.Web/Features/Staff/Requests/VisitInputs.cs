using System.Globalization;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Staff.Requests;

/// <summary>
/// An appointment typed on the case page: a Jalali date, a time and a place. A Friday or an official holiday
/// (<see cref="OfficialHolidays"/>) is refused unless the person ticks <see cref="ConfirmNonWorkingDay"/> (an exam board
/// may sit on a holiday on purpose); a time already past is always refused.
/// </summary>
public abstract class AppointmentInput : CaseActionInput
{
    /// <summary>Jalali, typed: 1404/09/12 in any digit script.</summary>
    public string? VisitDate { get; set; }

    /// <summary>24-hour HH:mm in any digit script: 9:30, ۱۴:۰۰.</summary>
    public string? VisitTime { get; set; }

    public string? VisitPlace { get; set; }

    /// <summary>Ticked after the page said the day is a Friday or a holiday: the appointment is meant for that day.</summary>
    public bool ConfirmNonWorkingDay { get; set; }

    public override void Normalize()
    {
        VisitDate = PersianText.NormalizeCode(VisitDate);
        VisitTime = PersianText.NormalizeCode(VisitTime);
        VisitPlace = Text(VisitPlace);
    }

    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>The appointment in Iran's local time; only after validation.</summary>
    public DateTime AtLocal()
    {
        JalaliDate.TryParse(VisitDate, out var date);
        TryParseTime(VisitTime, out var time);
        return date.ToDateTime(time);
    }
}

/// <summary>UnderReview → AwaitingVisit: an in-person visit or practical exam (Jalali date, time, place).</summary>
public sealed class VisitInput : AppointmentInput
{
    public override string? TypedText => Join(VisitDate, VisitTime, VisitPlace);

    public string? VisitKind { get; set; }
}

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

/// <summary>AwaitingVisit → UnderReview: the visit is called off, saying why (shown to the applicant).</summary>
public sealed class CancelVisitInput : CaseActionInput
{
    public override string? TypedText => CancelReason;

    public string? CancelReason { get; set; }

    public override void Normalize() => CancelReason = Text(CancelReason);
}

/// <summary>AwaitingVisit → UnderReview after the appointment passed without the applicant (an optional note).</summary>
public sealed class NoShowInput : CaseActionInput
{
    public const string DefaultNote = "متقاضی در زمان تعیین‌شده حاضر نشد. برای تعیین زمان تازه با اداره کل استان تماس بگیرید.";

    public override string? TypedText => NoShowNote;

    public string? NoShowNote { get; set; }

    public override void Normalize() => NoShowNote = Text(NoShowNote);
}

/// <summary>The rules every appointment shares: a real date and time, not in the past, on a working day unless confirmed.</summary>
public static class AppointmentRules
{
    /// <summary>An example date for the form's hint: a week ahead, moved to a working day, so it is never in the past.</summary>
    public static DateOnly ExampleDate(TimeProvider clock, OfficialHolidays holidays) =>
        holidays.NextWorkingDay(IranTime.Today(clock).AddDays(7));

    public static void Apply<T>(AbstractValidator<T> validator, TimeProvider clock, OfficialHolidays holidays)
        where T : AppointmentInput
    {
        validator.RuleFor(i => i.VisitDate).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("تاریخ را وارد کنید.")
            .Must(text => JalaliDate.TryParse(text, out _))
            .WithMessage(_ => "تاریخ را به شکل سال/ماه/روز وارد کنید، مثلاً " + JalaliDate.FormatPersian(ExampleDate(clock, holidays)) + ".")
            .Must(text => JalaliDate.TryParse(text, out var date) && date >= IranTime.Today(clock))
            .WithMessage("تاریخ مراجعه نمی‌تواند گذشته باشد.");
        validator.RuleFor(i => i.VisitTime).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("ساعت را وارد کنید.")
            .Must(text => AppointmentInput.TryParseTime(text, out _)).WithMessage("ساعت را به شکل ساعت:دقیقه وارد کنید، مثلاً ۹:۳۰ یا ۱۴:۰۰.");
        validator.RuleFor(i => i.VisitTime)
            .Must((input, _) => input.AtLocal() > IranTime.ToIranTime(clock.GetUtcNow().UtcDateTime))
            .When(i => JalaliDate.TryParse(i.VisitDate, out var date) && date == IranTime.Today(clock) && AppointmentInput.TryParseTime(i.VisitTime, out _))
            .WithMessage("این ساعت امروز گذشته است؛ ساعتی پس از اکنون یا روز دیگری را وارد کنید.");
        validator.RuleFor(i => i.VisitDate)
            .Must((input, text) => input.ConfirmNonWorkingDay || !JalaliDate.TryParse(text, out var date) || holidays.IsWorkingDay(date))
            .WithMessage((_, text) => JalaliDate.TryParse(text, out var date)
                ? "روز " + JalaliDate.FormatPersian(date) + " تعطیل است (" + holidays.NonWorkingReason(date)
                    + ")؛ روز کاری دیگری را وارد کنید، یا اگر مراجعه در همین روز برگزار می‌شود، «در روز تعطیل برگزار می‌شود» را علامت بزنید."
                : "")
            .OverridePropertyName(nameof(AppointmentInput.ConfirmNonWorkingDay))
            .When(i => JalaliDate.TryParse(i.VisitDate, out var date) && date >= IranTime.Today(clock));
        validator.RuleFor(i => i.VisitPlace).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("نشانی محل مراجعه یا آزمون را وارد کنید.")
            .MaximumLength(DataLimits.Title).WithMessage(MoreDocumentsInputValidator.TooLong(DataLimits.Title));
    }
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

public sealed class RescheduleVisitInputValidator : AbstractValidator<RescheduleVisitInput>
{
    public RescheduleVisitInputValidator(TimeProvider clock, OfficialHolidays holidays)
    {
        AppointmentRules.Apply(this, clock, holidays);
        RuleFor(i => i.RescheduleNote).MaximumLength(DataLimits.Note).WithMessage(MoreDocumentsInputValidator.TooLong(DataLimits.Note));
    }
}

public sealed class CancelVisitInputValidator : AbstractValidator<CancelVisitInput>
{
    public CancelVisitInputValidator() =>
        RuleFor(i => i.CancelReason).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("بنویسید چرا مراجعه لغو می‌شود؛ متقاضی همین را می‌بیند.")
            .MaximumLength(DataLimits.Note).WithMessage(MoreDocumentsInputValidator.TooLong(DataLimits.Note));
}

public sealed class NoShowInputValidator : AbstractValidator<NoShowInput>
{
    public NoShowInputValidator() =>
        RuleFor(i => i.NoShowNote).MaximumLength(DataLimits.Note).WithMessage(MoreDocumentsInputValidator.TooLong(DataLimits.Note));
}
