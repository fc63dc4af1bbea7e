using System.Globalization;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Persian;

namespace CertificateInquiry.Web.Features.Requests.Tracking;

/// <summary>One move of the request as the applicant sees it in the timeline: when, to which status, the note if any.</summary>
public sealed record TimelineEntry(DateTime AtUtc, RequestStatus Status, string? Note)
{
    public string Title => RequestStatusText.Title(Status);
}

/// <summary>A message staff wrote for the applicant (internal notes never become one).</summary>
public sealed record StaffMessage(DateTime AtUtc, string Text);

/// <summary>When the current step should be done by, and whether that day has passed.</summary>
public sealed record StepDue(string Label, DateOnly On, bool IsOverdue, string? OverdueText);

/// <summary>An in-person visit or practical exam the applicant must attend (Iran's local time).</summary>
public sealed record VisitAppointment(VisitKind Kind, DateTime AtLocal, string Place)
{
    private static readonly string[] PersianWeekdays = ["یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه"];

    public string KindTitle => RequestStatusText.Title(Kind);

    public string DateText => PersianWeekdays[(int)AtLocal.DayOfWeek] + " " + JalaliDate.FormatPersian(DateOnly.FromDateTime(AtLocal));

    public string TimeText => PersianText.ToPersianDigits(AtLocal.ToString("HH:mm", CultureInfo.InvariantCulture));
}

/// <summary>
/// Staff asked for more documents: what they wrote. The form to send them is added beside it in
/// _MoreDocumentsRequested.cshtml by the upload feature; the deadline is the request's <see cref="StepDue"/>.
/// </summary>
public sealed record MoreDocumentsRequested(string TrackingCode, string? StaffMessage);

/// <summary>The province's answer, and its letter once one was issued.</summary>
public sealed record RequestAnswer(AnswerOutcome Outcome, string? Reason, string? CertificateNumber, DateTime? AnsweredAtUtc)
{
    public string Title => RequestStatusText.Title(Outcome);

    /// <summary>The answer letter's number; null when no letter was issued (the download is then not offered).</summary>
    public string? LetterNumber { get; init; }

    public DateTime? LetterIssuedAtUtc { get; init; }
}

/// <summary>Everything the tracking page shows about one request, worked out once from what was read.</summary>
public sealed record RequestTracking(
    string TrackingCode,
    string ApplicantName,
    string Trade,
    int? ExamYear,
    string? ProvinceName,
    DateTime? SubmittedAtUtc,
    RequestStatus Status,
    IReadOnlyList<TimelineEntry> Timeline,
    StepDue? Due,
    IReadOnlyList<StaffMessage> Messages,
    MoreDocumentsRequested? MoreDocuments,
    VisitAppointment? Visit,
    RequestAnswer? Answer)
{
    public string StatusTitle => RequestStatusText.Title(Status);

    /// <summary>One sentence on what the current status means for the applicant.</summary>
    public string StatusExplanation => Status switch
    {
        RequestStatus.Submitted => "درخواست و پرداخت شما ثبت شده و برای اداره کل استان فرستاده شده است.",
        RequestStatus.UnderReview => "کارشناسان اداره کل استان سوابق بایگانی را برای درخواست شما بررسی می‌کنند.",
        RequestStatus.NeedsMoreDocuments => "کارشناس برای ادامه بررسی، مدارک بیشتری از شما خواسته است.",
        RequestStatus.AwaitingVisit => "برای ادامه بررسی باید در زمان و مکان تعیین‌شده حاضر شوید.",
        RequestStatus.Answered => "بررسی درخواست شما به پایان رسیده است.",
        _ => string.Empty,
    };

    public static RequestTracking From(TrackedRequestRow row, RequestServiceLevels serviceLevels, DateOnly today)
    {
        var due = StepDueOf(row, serviceLevels, today);
        return new RequestTracking(
            row.TrackingCode,
            $"{row.FirstName} {row.LastName}".Trim(),
            row.StandardTitle ?? row.TradeText ?? "—",
            row.ExamYear,
            row.ProvinceName,
            row.SubmittedAtUtc,
            row.Status,
            row.Transitions,
            due,
            row.Messages,
            row.Status == RequestStatus.NeedsMoreDocuments
                ? new MoreDocumentsRequested(row.TrackingCode, WhatStaffAskedFor(row))
                : null,
            row is { Status: RequestStatus.AwaitingVisit, VisitKind: { } kind, VisitAtLocal: { } at }
                ? new VisitAppointment(kind, at, row.VisitPlace ?? string.Empty)
                : null,
            row is { Status: RequestStatus.Answered, Outcome: { } outcome }
                ? new RequestAnswer(outcome, row.OutcomeReason, outcome == AnswerOutcome.Confirmed ? row.CertificateNumber : null, row.AnsweredAtUtc)
                {
                    LetterNumber = row.LetterNumber,
                    LetterIssuedAtUtc = row.LetterIssuedAtUtc,
                }
                : null);
    }

    // The date stored when the request moved is the promise made then; a request moved without one (older rows)
    // gets the target counted from the day it entered the status.
    private static StepDue? StepDueOf(TrackedRequestRow row, RequestServiceLevels serviceLevels, DateOnly today)
    {
        var on = row.DueOn;
        if (on is null && row.Transitions.LastOrDefault() is { } entered)
        {
            on = serviceLevels.DueOn(row.Status, DateOnly.FromDateTime(IranTime.ToIranTime(entered.AtUtc)), row.VisitAtLocal);
        }

        if (on is not { } date || row.Status is RequestStatus.Draft or RequestStatus.Answered)
        {
            return null;
        }

        var overdue = today > date;
        return row.Status switch
        {
            RequestStatus.Submitted => new StepDue("زمان پیش‌بینی‌شده برای آغاز بررسی", date, overdue,
                overdue ? "آغاز بررسی از زمان پیش‌بینی‌شده دیرتر شده است؛ درخواست شما در نوبت است و نیازی به ثبت دوباره نیست." : null),
            RequestStatus.UnderReview => new StepDue("زمان پیش‌بینی‌شده برای پایان بررسی", date, overdue,
                overdue ? "بررسی از زمان پیش‌بینی‌شده بیشتر طول کشیده است؛ درخواست شما در دست بررسی است و نیازی به ثبت دوباره نیست." : null),
            RequestStatus.NeedsMoreDocuments => new StepDue("مهلت شما برای فرستادن مدارک", date, overdue,
                overdue ? "مهلت فرستادن مدارک گذشته است؛ هرچه زودتر مدارک خواسته‌شده را بفرستید." : null),
            _ => new StepDue("موعد مراجعه یا آزمون", date, overdue,
                overdue ? "تاریخ مراجعه گذشته است؛ نتیجه پس از ثبت کارشناس در همین صفحه نمایش داده می‌شود." : null),
        };
    }

    // The note staff wrote when they asked, or else the last message they sent since.
    private static string? WhatStaffAskedFor(TrackedRequestRow row)
    {
        var asked = row.Transitions.LastOrDefault(t => t.Status == RequestStatus.NeedsMoreDocuments);
        if (asked?.Note is { Length: > 0 } note)
        {
            return note;
        }

        return row.Messages.LastOrDefault(m => asked is null || m.AtUtc >= asked.AtUtc)?.Text;
    }
}
