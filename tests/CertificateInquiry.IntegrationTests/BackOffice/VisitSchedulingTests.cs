using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Requests;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.Extensions.DependencyInjection;
using static CertificateInquiry.IntegrationTests.BackOffice.BackOfficePortal;

namespace CertificateInquiry.IntegrationTests.BackOffice;

/// <summary>
/// Appointments on working days only (or explicitly confirmed), never in the past; and a scheduled visit moved,
/// cancelled or missed, each a move of the state machine with its audit entry and the applicant's notification.
/// </summary>
public sealed class VisitSchedulingTests(BackOfficePortal portal) : IClassFixture<BackOfficePortal>
{
    private const string Place = "تهران، خیابان آزادی، اداره کل، طبقه ۲";

    private static DateOnly Today => IranTime.Today(TimeProvider.System);

    private OfficialHolidays Holidays => portal.Services.GetRequiredService<OfficialHolidays>();

    private static string Typed(DateOnly date) => JalaliDate.Format(date);

    private static DateOnly NextFriday()
    {
        var day = Today.AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Friday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateOnly NextJalali(int month, int day)
    {
        var year = JalaliDate.YearOf(Today);
        var date = JalaliDate.Create(year, month, day);
        return date > Today ? date : JalaliDate.Create(year + 1, month, day);
    }

    private async Task<string> TrackingPageTextAsync(TrackedRequests.Seeded seeded)
    {
        var (_, page) = await Forms.SubmitAsync(portal.CreateClient(), "/requests/track", "/requests/track",
            ("TrackingCode", seeded.TrackingCode), ("NationalCode", seeded.NationalCode));
        return page.QuerySelector("main")!.Text();
    }

    [Fact]
    public async Task A_visit_on_a_friday_is_refused_until_the_day_is_explicitly_confirmed()
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        var expert = await portal.SignedInAsync(TehranExpert);
        var friday = NextFriday();

        var (refused, refusedPage) = await CasePages.ActAsync(expert, seeded.Id, "/schedule-visit",
            ("VisitKind", "InPerson"), ("VisitDate", Typed(friday)), ("VisitTime", "10:00"), ("VisitPlace", Place));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("جمعه", CasePages.ErrorSummary(refusedPage), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.UnderReview, (await portal.RequestAsync(seeded.Id)).Status);
        var confirm = refusedPage.QuerySelector("form[data-form=schedule-visit] input[type=checkbox][name=ConfirmNonWorkingDay]");
        Assert.NotNull(confirm);

        var (confirmed, _) = await CasePages.PostAsync(expert, refusedPage, "/schedule-visit",
            ("VisitKind", "InPerson"), ("VisitDate", Typed(friday)), ("VisitTime", "10:00"), ("VisitPlace", Place), ("ConfirmNonWorkingDay", "true"));

        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(friday.ToDateTime(new TimeOnly(10, 0)), (await portal.RequestAsync(seeded.Id)).VisitAtLocal);
    }

    [Theory]
    [InlineData(3, 14, "رحلت امام خمینی")]
    [InlineData(11, 22, "پیروزی انقلاب اسلامی")]
    [InlineData(1, 13, "روز طبیعت")]
    public async Task A_visit_on_a_fixed_official_holiday_is_refused_naming_the_holiday(int month, int day, string holiday)
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        var expert = await portal.SignedInAsync(TehranExpert2);

        var (response, page) = await CasePages.ActAsync(expert, seeded.Id, "/schedule-visit",
            ("VisitKind", "PracticalExam"), ("VisitDate", Typed(NextJalali(month, day))), ("VisitTime", "09:00"), ("VisitPlace", Place));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(holiday, CasePages.ErrorSummary(page), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.UnderReview, (await portal.RequestAsync(seeded.Id)).Status);
    }

    [Fact]
    public async Task A_time_already_past_today_is_refused()
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        var expert = await portal.SignedInAsync(TehranExpert);

        var (response, page) = await CasePages.ActAsync(expert, seeded.Id, "/schedule-visit",
            ("VisitKind", "InPerson"), ("VisitDate", Typed(Today)), ("VisitTime", "00:00"), ("VisitPlace", Place), ("ConfirmNonWorkingDay", "true"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("این ساعت امروز گذشته است", CasePages.ErrorSummary(page), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.UnderReview, (await portal.RequestAsync(seeded.Id)).Status);
    }

    [Fact]
    public async Task The_forms_example_date_is_a_working_day_ahead_of_today()
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        var page = await CasePages.OpenAsync(await portal.SignedInAsync(TehranExpert), seeded.Id);

        var example = page.QuerySelector("form[data-form=schedule-visit] #VisitDate-hint bdi")!.Text();

        Assert.True(JalaliDate.TryParse(example, out var date), example);
        Assert.True(date > Today, example);
        Assert.True(Holidays.IsWorkingDay(date), example);
    }

    [Fact]
    public async Task A_scheduled_visit_is_moved_to_a_new_time_notified_audited_and_a_stale_form_is_refused()
    {
        var seeded = await portal.SeedAsync(RequestStatus.AwaitingVisit);
        var expert = await portal.SignedInAsync(TehranExpert);
        var newDay = Holidays.NextWorkingDay(Today.AddDays(12));
        var outboxBefore = await portal.OutboxCountAsync(seeded.Id);
        var page = await CasePages.OpenAsync(expert, seeded.Id);

        var (moved, _) = await CasePages.PostAsync(expert, page, "/reschedule-visit",
            ("VisitDate", PersianText.ToPersianDigits(Typed(newDay))), ("VisitTime", "۱۱:۱۵"), ("VisitPlace", Place), ("RescheduleNote", "به‌دلیل برگزاری آزمون دیگر"));
        var (stale, _) = await CasePages.PostAsync(expert, page, "/reschedule-visit",
            ("VisitDate", Typed(newDay.AddDays(1))), ("VisitTime", "08:00"), ("VisitPlace", Place));

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(CasePages.Path(seeded.Id) + "?done=visit-rescheduled", CasePages.Location(moved));
        var request = await portal.RequestAsync(seeded.Id);
        Assert.Equal(RequestStatus.AwaitingVisit, request.Status);
        Assert.Equal(newDay.ToDateTime(new TimeOnly(11, 15)), request.VisitAtLocal);
        Assert.Equal(newDay, request.DueOn);
        var transition = request.Transitions.OrderBy(t => t.Id).Last();
        Assert.Equal((RequestStatus.AwaitingVisit, RequestStatus.AwaitingVisit, "به‌دلیل برگزاری آزمون دیگر"), (transition.From!.Value, transition.To, transition.Note));
        Assert.Equal(outboxBefore + 1, await portal.OutboxCountAsync(seeded.Id));
        var audit = Assert.Single(await portal.AuditAsync(seeded.Id));
        Assert.Equal(("request.visit.reschedule", "AwaitingVisit", "AwaitingVisit"), (audit.Action, audit.FromStatus, audit.ToStatus));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(newDay.ToDateTime(new TimeOnly(11, 15)), (await portal.RequestAsync(seeded.Id)).VisitAtLocal);
        Assert.Contains("۱۱:۱۵", await TrackingPageTextAsync(seeded), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_a_visit_needs_a_reason_returns_the_request_to_review_and_tells_the_applicant()
    {
        var seeded = await portal.SeedAsync(RequestStatus.AwaitingVisit);
        var expert = await portal.SignedInAsync(TehranExpert2);
        var outboxBefore = await portal.OutboxCountAsync(seeded.Id);

        var (empty, emptyPage) = await CasePages.ActAsync(expert, seeded.Id, "/cancel-visit", ("CancelReason", " "));
        var (cancelled, _) = await CasePages.ActAsync(expert, seeded.Id, "/cancel-visit", ("CancelReason", "کارگاه آزمون در دست تعمیر است"));

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("#CancelReason", emptyPage.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var request = await portal.RequestAsync(seeded.Id);
        Assert.Equal(RequestStatus.UnderReview, request.Status);
        Assert.Null(request.VisitAtLocal);
        Assert.Equal(Today.AddDays(10), request.DueOn);
        Assert.Equal("کارگاه آزمون در دست تعمیر است", request.Transitions.OrderBy(t => t.Id).Last().Note);
        Assert.Equal(outboxBefore + 1, await portal.OutboxCountAsync(seeded.Id));
        Assert.Equal(["request.visit.cancel"], (await portal.AuditAsync(seeded.Id)).Select(e => e.Action));
        Assert.Contains("کارگاه آزمون در دست تعمیر است", await TrackingPageTextAsync(seeded), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_no_show_is_refused_before_the_appointment_and_recorded_after_it()
    {
        var upcoming = await portal.SeedAsync(RequestStatus.AwaitingVisit);
        var missed = await TrackedRequests.SeedAsync(portal, RequestStatus.AwaitingVisit, visitAtLocal: Today.AddDays(-1).ToDateTime(new TimeOnly(9, 0)));
        var expert = await portal.SignedInAsync(TehranExpert);
        var upcomingPage = await CasePages.OpenAsync(expert, upcoming.Id);
        var before = await portal.RequestAsync(upcoming.Id);
        var outboxBefore = await portal.OutboxCountAsync(missed.Id);

        var early = await CasePages.PostBlindAsync(expert, CasePages.Path(upcoming.Id) + "/no-show", before.Version);
        var (recorded, _) = await CasePages.ActAsync(expert, missed.Id, "/no-show");

        Assert.Null(upcomingPage.QuerySelector("form[data-form=no-show]"));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(RequestStatus.AwaitingVisit, (await portal.RequestAsync(upcoming.Id)).Status);
        Assert.Empty(await portal.AuditAsync(upcoming.Id));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var request = await portal.RequestAsync(missed.Id);
        Assert.Equal(RequestStatus.UnderReview, request.Status);
        Assert.Null(request.VisitAtLocal);
        Assert.Contains("حاضر نشد", request.Transitions.OrderBy(t => t.Id).Last().Note, StringComparison.Ordinal);
        Assert.Equal(outboxBefore + 1, await portal.OutboxCountAsync(missed.Id));
        var audit = Assert.Single(await portal.AuditAsync(missed.Id));
        Assert.Equal(("request.visit.no-show", "AwaitingVisit", "UnderReview"), (audit.Action, audit.FromStatus, audit.ToStatus));
    }

    [Theory]
    [InlineData("/reschedule-visit")]
    [InlineData("/cancel-visit")]
    [InlineData("/no-show")]
    public async Task Another_provinces_visit_cannot_be_moved_cancelled_or_marked_missed(string action)
    {
        var seeded = await portal.SeedAsync(RequestStatus.AwaitingVisit);
        var before = await portal.RequestAsync(seeded.Id);
        var isfahan = await portal.SignedInAsync(IsfahanManager);

        var response = await CasePages.PostBlindAsync(isfahan, CasePages.Path(seeded.Id) + action, before.Version,
            ("VisitDate", Typed(Holidays.NextWorkingDay(Today.AddDays(9)))), ("VisitTime", "10:00"), ("VisitPlace", Place), ("CancelReason", "دلیل"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before.Version, (await portal.RequestAsync(seeded.Id)).Version);
        Assert.Empty(await portal.AuditAsync(seeded.Id));
    }

    [Theory]
    [InlineData(RequestStatus.UnderReview, "/reschedule-visit")]
    [InlineData(RequestStatus.UnderReview, "/cancel-visit")]
    [InlineData(RequestStatus.NeedsMoreDocuments, "/no-show")]
    public async Task Visit_moves_are_refused_when_no_visit_is_scheduled(RequestStatus status, string action)
    {
        var seeded = await portal.SeedAsync(status);
        var before = await portal.RequestAsync(seeded.Id);
        var manager = await portal.SignedInAsync(TehranManager);

        var response = await CasePages.PostBlindAsync(manager, CasePages.Path(seeded.Id) + action, before.Version,
            ("VisitDate", Typed(Holidays.NextWorkingDay(Today.AddDays(9)))), ("VisitTime", "10:00"), ("VisitPlace", Place), ("CancelReason", "دلیل"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal((before.Status, before.Version), ((await portal.RequestAsync(seeded.Id)).Status, (await portal.RequestAsync(seeded.Id)).Version));
        Assert.Empty(await portal.AuditAsync(seeded.Id));
    }
}
