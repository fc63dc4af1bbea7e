using System.Net;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.BackOffice;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Requests;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.IntegrationTests.Staff;
using CertificateInquiry.Web.Domain.Corrections;
using CertificateInquiry.Web.Features.Staff.Corrections;
using Microsoft.EntityFrameworkCore;
using static CertificateInquiry.IntegrationTests.BackOffice.BackOfficePortal;
using static CertificateInquiry.IntegrationTests.Corrections.CorrectionPages;

namespace CertificateInquiry.IntegrationTests.Corrections;

/// <summary>
/// A holder's report as a correction case in the issuing province's back-office: an expert proposes, a manager (never
/// the proposer) approves, and the record the lookup shows changes, with the old values in its history.
/// </summary>
public sealed class CorrectionCaseTests(BackOfficePortal portal) : IClassFixture<BackOfficePortal>
{
    private static async Task<IDocument> OpenAsync(Browser browser, long id)
    {
        var (response, page) = await HtmlPage.GetAsync(browser.Client, Path(id));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page;
    }

    private static async Task<(HttpResponseMessage Response, IDocument Document)> ActAsync(Browser browser, long id, string action, params (string, string)[] fields) =>
        await CasePages.PostAsync(browser, await OpenAsync(browser, id), action, fields);

    [Fact]
    public async Task A_correction_reported_by_the_holder_and_approved_by_a_manager_changes_what_the_lookup_shows_and_keeps_the_old_value()
    {
        var holder = await SeedHolderAsync(portal, "تهران", "اصفهان"); // the name is on both; the report is on the Tehran one
        Assert.Contains(FatherName, await LookupAsync(portal, holder), StringComparison.Ordinal);
        var id = await ReportAsync(portal, holder, CorrectionField.FatherName, "حسن");
        var expert = await portal.SignedInAsync(TehranExpert);
        var manager = await portal.SignedInAsync(TehranManager);

        // The case is in Tehran's queue, waiting for an expert.
        var (_, queue) = await HtmlPage.GetAsync(expert.Client, "/admin/corrections");
        Assert.NotNull(queue.QuerySelector($"[data-correction-id='{id}']"));
        var casePage = await OpenAsync(expert, id);
        Assert.Equal(FatherName, casePage.QuerySelector("[data-current-value]")!.Text());
        Assert.Equal("حسن", casePage.QuerySelector("[data-requested-value]")!.Text());
        Assert.Contains("۱ گواهینامه یا پروانه دیگر", casePage.QuerySelector("[data-shared-name]")!.Text(), StringComparison.Ordinal);
        Assert.Null(casePage.QuerySelector("form[data-form=approve]"));

        var (proposed, _) = await CasePages.PostAsync(expert, casePage, "/propose", ("Outcome", "Correct"), ("Value", "حسن"), ("Reason", "شناسنامه دیده شد"));
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        Assert.Contains(FatherName, await LookupAsync(portal, holder), StringComparison.Ordinal); // nothing changes before approval
        Assert.DoesNotContain(portal.Messages.Messages(), m => m.Text.Contains(holder.Number, StringComparison.Ordinal));
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.Outbox.CountAsync(m => m.Body.Contains(holder.Number))));

        var (approved, _) = await ActAsync(manager, id, "/approve", ("ApprovalNote", ""));

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var correction = await CorrectionAsync(portal, id);
        Assert.Equal(CorrectionStatus.Corrected, correction.Status);
        Assert.Null(correction.OpenKey);
        Assert.Equal((portal.User(TehranExpert).Id, portal.User(TehranManager).Id), (correction.ProposedByUserId, correction.DecidedByUserId));

        // The lookup shows the new name on both certificates; the old one is only in the history.
        foreach (var number in holder.Numbers)
        {
            var shown = await LookupAsync(portal, holder, number);
            Assert.Contains("حسن", shown, StringComparison.Ordinal);
            Assert.DoesNotContain(FatherName, shown, StringComparison.Ordinal);
        }

        var changes = await portal.WithDatabaseAsync(db => db.CertificateChanges.AsNoTracking().Where(c => c.CorrectionId == id).ToListAsync());
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal((CorrectionField.FatherName, FatherName, "حسن", portal.User(TehranManager).Id), (c.Field, c.OldValue, c.NewValue, c.ApprovedByUserId)));
        var certificateIds = await portal.WithDatabaseAsync(db => db.Certificates.Where(c => holder.Numbers.Contains(c.Number)).Select(c => c.Id).ToListAsync());
        Assert.Equal(certificateIds.Order(), changes.Select(c => c.CertificateId).Order());

        // Audited, in the same transaction as the change: the case's actions and each certificate's correction.
        var audit = await portal.WithDatabaseAsync(db => db.StaffAudit.AsNoTracking().Where(e => e.SubjectType == "Correction" && e.SubjectId == id.ToString()).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([CorrectionActions.ProposeAction, CorrectionActions.ApproveAction], audit.Select(e => e.Action));
        Assert.Equal(2, await portal.WithDatabaseAsync(db => db.StaffAudit.CountAsync(e => e.Action == CorrectionActions.CorrectAction && e.Details!.Contains("حسن"))));

        // The holder is told by SMS, and sees the answer on their list.
        var sms = await portal.WaitForMessageAsync(m => m.Recipient == Mobile && m.Text.Contains(holder.Number, StringComparison.Ordinal));
        Assert.Contains("اصلاح نام پدر گواهینامه شماره " + holder.Number + " انجام شد", sms.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(holder.NationalCode, sms.Text, StringComparison.Ordinal);
        var (_, list) = await HtmlPage.GetAsync(portal.SignedInHolder(holder.NationalCode), "/my/corrections");
        Assert.Equal("اصلاح شد", list.QuerySelector($"[data-correction='{id}'] [data-status-title]")!.Text());
        Assert.Contains("از «حسین» به «حسن» اصلاح شد", list.QuerySelector($"[data-correction='{id}'] [data-answer]")!.Text(), StringComparison.Ordinal);

        // Staff see the history on the case page and on the certificate's admin page.
        var after = await OpenAsync(expert, id);
        Assert.Equal(FatherName, after.QuerySelector("[data-history] [data-change] [data-old]")!.Text());
        Assert.Equal("حسن", after.QuerySelector("[data-history] [data-change] [data-new]")!.Text());
        Assert.Null(after.QuerySelector("form[data-form=propose]"));
        var admin = await portal.SignedInAsync(NationalAdminEmail);
        var (_, certificatePage) = await HtmlPage.GetAsync(admin.Client, "/admin/certificates/" + certificateIds.Min());
        Assert.Equal(FatherName, certificatePage.QuerySelector("[data-changes] [data-old]")!.Text());
        Assert.Contains("اصلاح", certificatePage.QuerySelector("[data-history]")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejection_leaves_the_record_as_it_was_and_tells_the_holder_why()
    {
        var holder = await SeedHolderAsync(portal, "تهران");
        var id = await ReportAsync(portal, holder, CorrectionField.LastName, "کاظم‌زاده");
        var expert = await portal.SignedInAsync(TehranExpert2);
        var manager = await portal.SignedInAsync(TehranManager2);

        var (noReason, noReasonPage) = await ActAsync(expert, id, "/propose", ("Outcome", "Reject"), ("Value", ""), ("Reason", " "));
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains(CorrectionProposalInputValidator.ReasonRequired, Errors(noReasonPage), StringComparison.Ordinal);

        await ActAsync(expert, id, "/propose", ("Outcome", "Reject"), ("Value", ""), ("Reason", "در پرونده آزمون سال ۱۳۹۹ نام خانوادگی همین است"));
        var (approved, _) = await ActAsync(manager, id, "/approve");

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(CorrectionStatus.Rejected, (await CorrectionAsync(portal, id)).Status);
        Assert.Contains(LastName, await LookupAsync(portal, holder), StringComparison.Ordinal);
        Assert.False(await portal.WithDatabaseAsync(db => db.CertificateChanges.AnyAsync(c => c.CorrectionId == id)));
        var sms = await portal.WaitForMessageAsync(m => m.Recipient == Mobile && m.Text.Contains(holder.Number, StringComparison.Ordinal));
        Assert.Contains("پذیرفته نشد", sms.Text, StringComparison.Ordinal);
        Assert.Contains("در پرونده آزمون سال 1399 نام خانوادگی همین است", sms.Text, StringComparison.Ordinal);
        var (_, list) = await HtmlPage.GetAsync(portal.SignedInHolder(holder.NationalCode), "/my/corrections");
        Assert.Equal("رد شد", list.QuerySelector($"[data-correction='{id}'] [data-status-title]")!.Text());

        // Decided, the field may be reported again.
        var again = await OpenFormAsync(portal.SignedInHolder(holder.NationalCode), holder.Number, CorrectionField.LastName);
        Assert.NotNull(again.QuerySelector("form[data-form=correction]"));
    }

    [Fact]
    public async Task Another_provinces_staff_can_neither_see_nor_act_on_the_case()
    {
        var holder = await SeedHolderAsync(portal, "تهران");
        var id = await ReportAsync(portal, holder, CorrectionField.FatherName, "حسن");
        var version = (await CorrectionAsync(portal, id)).Version;
        var isfahanExpert = await portal.SignedInAsync(IsfahanExpert);
        var isfahanManager = await portal.SignedInAsync(IsfahanManager);

        Assert.Equal(HttpStatusCode.NotFound, (await isfahanExpert.Client.GetAsync(Path(id))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await isfahanExpert.Client.GetAsync(Path(id) + "/document")).StatusCode);
        var (_, queue) = await HtmlPage.GetAsync(isfahanExpert.Client, "/admin/corrections");
        Assert.Null(queue.QuerySelector($"[data-correction-id='{id}']"));
        var propose = await CasePages.PostBlindAsync(isfahanExpert, Path(id) + "/propose", version, ("Outcome", "Correct"), ("Value", "حسن"));
        Assert.Equal(HttpStatusCode.NotFound, propose.StatusCode);

        // Even with a proposal waiting, Isfahan's manager cannot approve it.
        var expert = await portal.SignedInAsync(TehranExpert);
        await ActAsync(expert, id, "/propose", ("Outcome", "Correct"), ("Value", "حسن"));
        var approve = await CasePages.PostBlindAsync(isfahanManager, Path(id) + "/approve", (await CorrectionAsync(portal, id)).Version);

        Assert.Equal(HttpStatusCode.NotFound, approve.StatusCode);
        Assert.Equal(CorrectionStatus.Proposed, (await CorrectionAsync(portal, id)).Status);
        Assert.Contains(FatherName, await LookupAsync(portal, holder), StringComparison.Ordinal);
        Assert.True(portal.LogsContain("was refused correction"));

        // A national admin sees every province's cases.
        var admin = await portal.SignedInAsync(NationalAdminEmail);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync(Path(id))).StatusCode);
    }

    [Fact]
    public async Task The_maker_cannot_approve_their_own_proposal_an_expert_cannot_approve_at_all_and_another_manager_can()
    {
        var holder = await SeedHolderAsync(portal, "تهران");
        var id = await ReportAsync(portal, holder, CorrectionField.IssueDate, "1399/04/20");
        var manager = await portal.SignedInAsync(TehranManager);
        var other = await portal.SignedInAsync(TehranManager2);
        var expert = await portal.SignedInAsync(TehranExpert);

        await ActAsync(manager, id, "/propose", ("Outcome", "Correct"), ("Value", "۱۳۹۹/۰۴/۲۰"));
        var own = await OpenAsync(manager, id);
        Assert.Null(own.QuerySelector("form[data-form=approve]"));
        Assert.Contains("این پیشنهاد را شما داده‌اید", own.QuerySelector("[data-pending-proposal]")!.Text(), StringComparison.Ordinal);

        var version = (await CorrectionAsync(portal, id)).Version;
        var selfApproval = await CasePages.PostBlindAsync(manager, Path(id) + "/approve", version);
        var selfReturn = await CasePages.PostBlindAsync(manager, Path(id) + "/return", version, ("ReturnNote", "پس می‌گیرم"));
        var byExpert = await CasePages.PostBlindAsync(expert, Path(id) + "/approve", version);

        Assert.Equal(HttpStatusCode.Forbidden, selfApproval.StatusCode);
        Assert.Contains(CorrectionActions.SelfApprovalMessage, Errors(await HtmlPage.ParseAsync(selfApproval)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, selfReturn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, byExpert.StatusCode);
        Assert.StartsWith("/admin/access-denied", CasePages.Location(byExpert), StringComparison.Ordinal);
        Assert.Equal(CorrectionStatus.Proposed, (await CorrectionAsync(portal, id)).Status);
        Assert.True(portal.LogsContain("tried to decide their own proposal"));

        var (approved, _) = await ActAsync(other, id, "/approve", ("ApprovalNote", "با پرونده آزمون یکی است"));

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("۱۳۹۹/۰۴/۲۰", await LookupAsync(portal, holder), StringComparison.Ordinal);
        var change = await portal.WithDatabaseAsync(db => db.CertificateChanges.AsNoTracking().SingleAsync(c => c.CorrectionId == id));
        Assert.Equal(("2020-07-01", "2020-07-10"), (change.OldValue, change.NewValue));
    }

    [Fact]
    public async Task A_manager_sends_a_proposal_back_and_the_expert_adjusts_the_value_before_it_is_approved()
    {
        var holder = await SeedHolderAsync(portal, "تهران");
        var (standardId, title) = await portal.WithDatabaseAsync(async db =>
        {
            var standard = await StandardAsync(db, "7411-53-001-1", "برق‌کار ساختمان درجه 2");
            return (standard.Id, standard.Title);
        });
        var wrongStandard = await portal.WithDatabaseAsync(async db => (await StandardAsync(db, "7231-20-001-1", "مکانیک خودرو")).Id);
        var id = await ReportAsync(portal, holder, CorrectionField.Standard, wrongStandard.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var expert = await portal.SignedInAsync(TehranExpert);
        var manager = await portal.SignedInAsync(TehranManager);

        await ActAsync(expert, id, "/propose", ("Outcome", "Correct"), ("Value", wrongStandard.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var (noNote, noNotePage) = await ActAsync(manager, id, "/return", ("ReturnNote", ""));
        Assert.Equal(HttpStatusCode.OK, noNote.StatusCode);
        Assert.Equal("#ReturnNote", noNotePage.QuerySelector(".error-summary a")!.GetAttribute("href"));
        var (returned, _) = await ActAsync(manager, id, "/return", ("ReturnNote", "پرونده آزمون برق‌کاری ساختمان است"));
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(CorrectionStatus.Open, (await CorrectionAsync(portal, id)).Status);

        var (badValue, badValuePage) = await ActAsync(expert, id, "/propose", ("Outcome", "Correct"), ("Value", "not-a-standard"));
        Assert.Equal(HttpStatusCode.BadRequest, badValue.StatusCode);
        Assert.Contains("استاندارد آموزشی درست", Errors(badValuePage), StringComparison.Ordinal);
        await ActAsync(expert, id, "/propose", ("Outcome", "Correct"), ("Value", standardId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await ActAsync(manager, id, "/approve");

        Assert.Equal(CorrectionStatus.Corrected, (await CorrectionAsync(portal, id)).Status);
        Assert.Contains(CertificateInquiry.Web.Infrastructure.Persian.PersianText.ToPersianDigits(title), await LookupAsync(portal, holder), StringComparison.Ordinal);
        var actions = await portal.WithDatabaseAsync(db => db.StaffAudit.Where(e => e.SubjectType == "Correction" && e.SubjectId == id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([CorrectionActions.ProposeAction, CorrectionActions.ReturnAction, CorrectionActions.ProposeAction, CorrectionActions.ApproveAction], actions);
    }

    [Fact]
    public async Task Two_managers_approving_at_once_change_the_record_once_and_the_second_is_told_it_changed()
    {
        var holder = await SeedHolderAsync(portal, "تهران");
        var id = await ReportAsync(portal, holder, CorrectionField.FirstName, "مریم‌السادات");
        var expert = await portal.SignedInAsync(TehranExpert);
        await ActAsync(expert, id, "/propose", ("Outcome", "Correct"), ("Value", "مریم‌السادات"));
        var first = await portal.SignedInAsync(TehranManager);
        var second = await portal.SignedInAsync(TehranManager2);
        var firstPage = await OpenAsync(first, id);
        var secondPage = await OpenAsync(second, id);

        var responses = await Task.WhenAll(
            CasePages.PostAsync(first, firstPage, "/approve", ("ApprovalNote", "")),
            CasePages.PostAsync(second, secondPage, "/return", ("ReturnNote", "دوباره ببینید")));

        Assert.Single(responses, r => r.Response.StatusCode == HttpStatusCode.Redirect);
        var loser = Assert.Single(responses, r => r.Response.StatusCode != HttpStatusCode.Redirect);
        Assert.True(loser.Response.StatusCode is HttpStatusCode.Conflict, loser.Response.StatusCode.ToString());
        Assert.Contains("هم‌زمان", Errors(loser.Document), StringComparison.Ordinal);
        Assert.True(await portal.WithDatabaseAsync(db => db.CertificateChanges.CountAsync(c => c.CorrectionId == id)) <= 1);

        // A stale page posted after the decision is a conflict too, never a second change.
        var stale = await CasePages.PostAsync(first, firstPage, "/approve", ("ApprovalNote", ""));
        Assert.Equal(HttpStatusCode.Conflict, stale.Response.StatusCode);
        Assert.True(await portal.WithDatabaseAsync(db => db.CertificateChanges.CountAsync(c => c.CorrectionId == id)) <= 1);
    }

    [Fact]
    public async Task The_holders_document_opens_for_the_provinces_staff_and_each_opening_is_audited()
    {
        var holder = await SeedHolderAsync(portal, "تهران");
        var client = portal.SignedInHolder(holder.NationalCode);
        var form = await OpenFormAsync(client, holder.Number, CorrectionField.FatherName);
        await PostAsync(client, form, "حسن", file: ("شناسنامه.png", RequestJourneyTests.Png));
        var id = await portal.WithDatabaseAsync(db => db.CertificateCorrections.Where(c => c.HolderIdentifier == holder.NationalCode).Select(c => c.Id).SingleAsync());
        var expert = await portal.SignedInAsync(TehranExpert);

        var page = await OpenAsync(expert, id);
        var link = page.QuerySelector("[data-document]")!.GetAttribute("href")!;
        var document = await expert.Client.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal("image/png", document.Content.Headers.ContentType!.MediaType);
        Assert.Equal(RequestJourneyTests.Png, await document.Content.ReadAsByteArrayAsync());
        Assert.True(await portal.WithDatabaseAsync(db => db.StaffAudit.AnyAsync(e => e.Action == "correction.document.open" && e.SubjectId == id.ToString())));
        var asHolder = await portal.SignedInHolder(holder.NationalCode).GetAsync(link); // the holder cookie is not a staff session
        Assert.Equal(HttpStatusCode.Redirect, asHolder.StatusCode);
        Assert.StartsWith("/admin/sign-in", CasePages.Location(asHolder), StringComparison.Ordinal);
    }
}
