using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Infrastructure.Persian;
using FluentValidation;

namespace CertificateInquiry.Web.Features.Staff.Requests;

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
