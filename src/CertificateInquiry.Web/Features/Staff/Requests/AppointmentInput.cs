using System.Globalization;
using CertificateInquiry.Web.Infrastructure.Persian;

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
