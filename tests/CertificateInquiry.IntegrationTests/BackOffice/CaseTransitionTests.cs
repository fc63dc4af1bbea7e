using System.Globalization;
using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain.Requests;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.Extensions.DependencyInjection;
using static CertificateInquiry.IntegrationTests.BackOffice.BackOfficePortal;

namespace CertificateInquiry.IntegrationTests.BackOffice;

/// <summary>Every move staff make on a request, the moves the state machine refuses, notes, messages and notifications.</summary>
public sealed class CaseTransitionTests(BackOfficePortal portal) : IClassFixture<BackOfficePortal>
{
    private static DateOnly Today => IranTime.Today(TimeProvider.System);

    private async Task<string> TrackingPageTextAsync(string trackingCode, string nationalCode)
    {
        var (_, page) = await Forms.SubmitAsync(portal.CreateClient(), "/requests/track", "/requests/track",
            ("TrackingCode", trackingCode), ("NationalCode", nationalCode));
        return page.QuerySelector("main")!.Text();
    }

    [Fact]
    public async Task Starting_the_review_moves_a_submitted_request_sets_its_due_date_assigns_it_notifies_and_audits()
    {
        var seeded = await portal.SeedAsync(RequestStatus.Submitted);
        var expert = await portal.SignedInAsync(TehranExpert);
        var outboxBefore = await portal.OutboxCountAsync(seeded.Id);

        var (response, _) = await CasePages.ActAsync(expert, seeded.Id, "/start-review");
        var (_, page) = await HtmlPage.GetAsync(expert.Client, CasePages.Location(response)!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CasePages.Path(seeded.Id) + "?done=review-started", CasePages.Location(response));
        var request = await portal.RequestAsync(seeded.Id);
        Assert.Equal(RequestStatus.UnderReview, request.Status);
        Assert.Equal(Today.AddDays(10), request.DueOn);
        Assert.Equal(portal.User(TehranExpert).Id, request.AssignedToUserId);
        var transition = request.Transitions.OrderBy(t => t.Id).Last();
        Assert.Equal(("فاطمه رحیمی", RequestStatus.Submitted), (transition.ActorName, transition.From!.Value));
        Assert.Equal(outboxBefore + 1, await portal.OutboxCountAsync(seeded.Id)); // an SMS (no email given)
        var audit = Assert.Single(await portal.AuditAsync(seeded.Id));
        Assert.Equal(("request.review.start", "Submitted", "UnderReview", portal.User(TehranExpert).Id), (audit.Action, audit.FromStatus, audit.ToStatus, audit.UserId));
        Assert.Equal("فاطمه رحیمی", page.QuerySelector("[data-assigned]")!.Text());
        Assert.Contains("در حال بررسی", page.QuerySelector("[data-case-status]")!.Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-notice]"));
        Assert.Null(page.QuerySelector("form[data-form=start-review]"));
        Assert.NotNull(page.QuerySelector("form[data-form=propose]"));
    }

    [Fact]
    public async Task Asking_for_documents_needs_a_message_which_the_applicant_then_reads_on_the_tracking_page()
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        var expert = await portal.SignedInAsync(TehranExpert2);

        var (empty, emptyPage) = await CasePages.ActAsync(expert, seeded.Id, "/ask-documents", ("DocumentsMessage", " "));
        var (asked, _) = await CasePages.ActAsync(expert, seeded.Id, "/ask-documents", ("DocumentsMessage", "تصویر كارت پایان خدمت را بفرستید"));

        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.StartsWith("خطا: ", emptyPage.Title, StringComparison.Ordinal);
        Assert.Equal("#DocumentsMessage", emptyPage.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var request = await portal.RequestAsync(seeded.Id);
        Assert.Equal(RequestStatus.NeedsMoreDocuments, request.Status);
        Assert.Equal(Today.AddDays(14), request.DueOn);
        Assert.Contains("تصویر کارت پایان خدمت را بفرستید", await TrackingPageTextAsync(seeded.TrackingCode, seeded.NationalCode), StringComparison.Ordinal);
        Assert.Equal("request.documents.ask", (await portal.AuditAsync(seeded.Id)).Single().Action);
    }

    [Fact]
    public async Task A_visit_is_scheduled_with_a_jalali_date_time_and_place_then_recorded_as_held()
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        var expert = await portal.SignedInAsync(TehranExpert);
        var visitDay = portal.Services.GetRequiredService<OfficialHolidays>().NextWorkingDay(Today.AddDays(7));
        var typedDate = PersianText.ToPersianDigits(JalaliDate.Format(visitDay));

        var (invalid, invalidPage) = await CasePages.ActAsync(expert, seeded.Id, "/schedule-visit",
            ("VisitKind", "PracticalExam"), ("VisitDate", JalaliDate.Format(Today.AddDays(-1))), ("VisitTime", "25:00"), ("VisitPlace", TrackedRequestsPlace));
        var (scheduled, _) = await CasePages.ActAsync(expert, seeded.Id, "/schedule-visit",
            ("VisitKind", "PracticalExam"), ("VisitDate", typedDate), ("VisitTime", "۹:۳۰"), ("VisitPlace", TrackedRequestsPlace));

        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var errors = CasePages.ErrorSummary(invalidPage);
        Assert.Contains("تاریخ مراجعه نمی‌تواند گذشته باشد.", errors, StringComparison.Ordinal);
        Assert.Contains("ساعت را به شکل ساعت:دقیقه وارد کنید", errors, StringComparison.Ordinal);
        Assert.Equal(TrackedRequestsPlace, invalidPage.QuerySelector("input[name=VisitPlace]")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        var request = await portal.RequestAsync(seeded.Id);
        Assert.Equal((RequestStatus.AwaitingVisit, VisitKind.PracticalExam), (request.Status, request.VisitKind!.Value));
        Assert.Equal(visitDay.ToDateTime(new TimeOnly(9, 30)), request.VisitAtLocal);
        Assert.Equal(visitDay, request.DueOn);
        var tracking = await TrackingPageTextAsync(seeded.TrackingCode, seeded.NationalCode);
        Assert.Contains(PersianText.ToPersianDigits(TrackedRequestsPlace), tracking, StringComparison.Ordinal);
        Assert.Contains("۰۹:۳۰", tracking, StringComparison.Ordinal);

        var (held, _) = await CasePages.ActAsync(expert, seeded.Id, "/visit-held", ("VisitHeldNote", "آزمون عملی با نمره قبولی برگزار شد"));

        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        request = await portal.RequestAsync(seeded.Id);
        Assert.Equal(RequestStatus.UnderReview, request.Status);
        Assert.Equal("آزمون عملی با نمره قبولی برگزار شد", request.Transitions.OrderBy(t => t.Id).Last().Note);
        Assert.Equal(["request.visit.schedule", "request.visit.held"], (await portal.AuditAsync(seeded.Id)).Select(e => e.Action));
    }

    private const string TrackedRequestsPlace = "تهران، خیابان آزادی، اداره کل، طبقه 2";

    [Theory]
    [InlineData(RequestStatus.Submitted, "/proposals", "Outcome", "NotFound")] // answering a request nobody reviewed
    [InlineData(RequestStatus.Submitted, "/ask-documents", "DocumentsMessage", "کارت ملی")]
    [InlineData(RequestStatus.UnderReview, "/start-review", "", "")]
    [InlineData(RequestStatus.UnderReview, "/visit-held", "", "")]
    [InlineData(RequestStatus.NeedsMoreDocuments, "/proposals", "Outcome", "NotFound")]
    [InlineData(RequestStatus.AwaitingVisit, "/ask-documents", "DocumentsMessage", "کارت ملی")]
    [InlineData(RequestStatus.Answered, "/start-review", "", "")]
    [InlineData(RequestStatus.Answered, "/proposals", "Outcome", "Rejected")]
    public async Task Moves_the_state_machine_does_not_allow_are_refused_and_change_nothing(RequestStatus status, string action, string field, string value)
    {
        var seeded = await portal.SeedAsync(status);
        var manager = await portal.SignedInAsync(TehranManager);
        var before = await portal.RequestAsync(seeded.Id);
        (string, string)[] fields = field.Length == 0 ? [] : [(field, value), ("Reason", "دلیل")];

        var response = await CasePages.PostBlindAsync(manager, CasePages.Path(seeded.Id) + action, before.Version, fields);
        var page = await HtmlPage.ParseAsync(response);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.NotEmpty(CasePages.ErrorSummary(page));
        var after = await portal.RequestAsync(seeded.Id);
        Assert.Equal((before.Status, before.Version), (after.Status, after.Version));
        Assert.Empty(await portal.AuditAsync(seeded.Id));
    }

    [Fact]
    public async Task Internal_notes_stay_in_the_back_office_and_messages_reach_the_tracking_page()
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        var expert = await portal.SignedInAsync(TehranExpert);

        var (note, _) = await CasePages.ActAsync(expert, seeded.Id, "/notes", ("NoteText", "مهر مرکز در پرونده کاغذی كمرنگ است"));
        var (message, _) = await CasePages.ActAsync(expert, seeded.Id, "/messages", ("MessageText", "پرونده شما در بایگانی پیدا شد و در حال بررسی است"));
        var page = await CasePages.OpenAsync(expert, seeded.Id);
        var tracking = await TrackingPageTextAsync(seeded.TrackingCode, seeded.NationalCode);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (note.StatusCode, message.StatusCode));
        Assert.DoesNotContain("کمرنگ", tracking, StringComparison.Ordinal);
        Assert.Contains("پرونده شما در بایگانی پیدا شد", tracking, StringComparison.Ordinal);
        var internalNotes = page.QuerySelectorAll("[data-messages] li[data-internal=true]").Select(li => li.Text()).ToList();
        Assert.Contains(internalNotes, text => text.Contains("مهر مرکز در پرونده کاغذی کمرنگ است", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll("[data-messages] li[data-internal=false]"), li => li.Text().Contains("در حال بررسی است", StringComparison.Ordinal));
        var stored = (await portal.RequestAsync(seeded.Id)).Messages;
        Assert.Contains(stored, m => m.IsInternal && m.Author == portal.User(TehranExpert).Id && m.AuthorName == "فاطمه رحیمی");
        var audit = await portal.AuditAsync(seeded.Id);
        Assert.Equal(["request.note.add", "request.message.add"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.DoesNotContain("کمرنگ", e.Details!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_is_assigned_to_me_to_a_colleague_of_the_province_and_to_nobody_but_never_to_another_provinces_staff()
    {
        var seeded = await portal.SeedAsync(RequestStatus.Submitted);
        var manager = await portal.SignedInAsync(TehranManager);

        var page = await CasePages.OpenAsync(manager, seeded.Id);
        var options = page.QuerySelectorAll("select[name=AssignTo] option").Select(o => o.GetAttribute("value")).ToList();
        var (toColleague, _) = await CasePages.PostAsync(manager, page, "/assign", ("AssignTo", portal.User(TehranExpert2).Id));
        var afterColleague = (await portal.RequestAsync(seeded.Id)).AssignedToUserId;
        var (toIsfahan, _) = await CasePages.ActAsync(manager, seeded.Id, "/assign", ("AssignTo", portal.User(IsfahanExpert).Id));
        var (toMe, _) = await CasePages.ActAsync(manager, seeded.Id, "/assign", ("AssignTo", "me"));
        var afterMe = (await portal.RequestAsync(seeded.Id)).AssignedToUserId;
        var (toNobody, _) = await CasePages.ActAsync(manager, seeded.Id, "/assign", ("AssignTo", "nobody"));

        Assert.Contains(portal.User(TehranExpert2).Id, options);
        Assert.DoesNotContain(portal.User(IsfahanExpert).Id, options);
        Assert.DoesNotContain(portal.User(NationalAdminEmail).Id, options);
        Assert.Equal(HttpStatusCode.Redirect, toColleague.StatusCode);
        Assert.Equal(portal.User(TehranExpert2).Id, afterColleague);
        Assert.Equal(HttpStatusCode.BadRequest, toIsfahan.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, toMe.StatusCode);
        Assert.Equal(portal.User(TehranManager).Id, afterMe);
        Assert.Equal(HttpStatusCode.Redirect, toNobody.StatusCode);
        Assert.Null((await portal.RequestAsync(seeded.Id)).AssignedToUserId);
        Assert.Equal(["request.assign", "request.assign", "request.assign"], (await portal.AuditAsync(seeded.Id)).Select(e => e.Action));
        Assert.Contains("محسن یزدانی", (await portal.AuditAsync(seeded.Id))[0].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Documents_open_inline_or_download_with_their_type_and_no_sniffing_and_each_opening_is_audited()
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        var documentId = await portal.AttachDocumentAsync(seeded.Id);
        var expert = await portal.SignedInAsync(TehranExpert);
        var page = await CasePages.OpenAsync(expert, seeded.Id);
        var viewer = page.QuerySelector("[data-documents] a")!.GetAttribute("href")!;
        var link = viewer[..^"/view".Length];

        var inline = await expert.Client.GetAsync(link);
        var download = await expert.Client.GetAsync(link + "?download=true");

        Assert.Equal(CasePages.Path(seeded.Id) + "/documents/" + documentId.ToString(CultureInfo.InvariantCulture) + "/view", viewer);
        Assert.Equal(HttpStatusCode.OK, inline.StatusCode);
        Assert.Equal("image/png", inline.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", inline.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("nosniff", inline.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Requests.RequestJourneyTests.Png, await inline.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("کارت ملی.png", download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(["request.document.view", "request.document.download"], (await portal.AuditAsync(seeded.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task The_document_viewer_is_a_page_of_the_portal_that_works_under_its_content_security_policy()
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        var documentId = await portal.AttachDocumentAsync(seeded.Id);
        var expert = await portal.SignedInAsync(TehranExpert);
        var casePage = await CasePages.OpenAsync(expert, seeded.Id);
        var viewerPath = CasePages.Path(seeded.Id) + "/documents/" + documentId.ToString(CultureInfo.InvariantCulture) + "/view";

        var (response, viewer) = await HtmlPage.GetAsync(expert.Client, viewerPath);

        Assert.Equal(viewerPath, casePage.QuerySelector("[data-documents] a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("style-src 'self';", policy, StringComparison.Ordinal);
        Assert.Empty(viewer.QuerySelectorAll("[style]"));
        Assert.Empty(viewer.QuerySelectorAll("style"));
        Assert.Empty(casePage.QuerySelectorAll("[style]"));
        var image = viewer.QuerySelector("img[data-document-image]")!;
        Assert.Equal(CasePages.Path(seeded.Id) + "/documents/" + documentId.ToString(CultureInfo.InvariantCulture), image.GetAttribute("src"));
        Assert.Contains("document-viewer__image", image.ClassList);
        Assert.Contains("کارت ملی", image.GetAttribute("alt"), StringComparison.Ordinal);
        Assert.NotNull(viewer.QuerySelector("a[href$='?download=true']"));
        Assert.Equal(HttpStatusCode.NotFound, (await expert.Client.GetAsync(CasePages.Path(seeded.Id) + "/documents/999999999/view")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await (await portal.SignedInAsync(IsfahanExpert)).Client.GetAsync(viewerPath)).StatusCode);
    }
}
