using System.Net;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain.Requests;
using static CertificateInquiry.IntegrationTests.BackOffice.BackOfficePortal;

namespace CertificateInquiry.IntegrationTests.BackOffice;

/// <summary>Two members of staff acting on one request at once: the second is told, sees the new state and keeps what they typed.</summary>
public class CaseConcurrencyTests(BackOfficePortal portal) : IClassFixture<BackOfficePortal>
{
    [SkippableFact]
    public async Task The_second_of_two_colleagues_acting_on_the_same_page_gets_a_conflict_and_loses_nothing_typed()
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        var first = await portal.SignedInAsync(TehranExpert);
        var second = await portal.SignedInAsync(TehranExpert2);
        var firstPage = await CasePages.OpenAsync(first, seeded.Id);
        var secondPage = await CasePages.OpenAsync(second, seeded.Id);
        const string Typed = "لطفاً اصل کارنامه آزمون سال ۱۳۸۶ را هم بفرستید";

        var (firstResponse, _) = await CasePages.PostAsync(first, firstPage, "/ask-documents", ("DocumentsMessage", "تصویر شناسنامه خوانا نیست"));
        var (secondResponse, conflictPage) = await CasePages.PostAsync(second, secondPage, "/ask-documents", ("DocumentsMessage", Typed));

        Assert.Equal(HttpStatusCode.Redirect, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, secondResponse.StatusCode);
        Assert.StartsWith("خطا: ", conflictPage.Title, StringComparison.Ordinal);
        Assert.Contains("این درخواست هم‌زمان توسط همکار دیگری تغییر کرده است", CasePages.ErrorSummary(conflictPage), StringComparison.Ordinal);

        // The page shows the request as it is now (the colleague's move) …
        var request = await portal.RequestAsync(seeded.Id);
        Assert.Equal(RequestStatus.NeedsMoreDocuments, request.Status);
        Assert.Contains("در انتظار مدارک تکمیلی", conflictPage.QuerySelector("[data-case-status]")!.Text(), StringComparison.Ordinal);
        Assert.Contains("تصویر شناسنامه خوانا نیست", conflictPage.QuerySelector("[data-timeline]")!.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain(request.Transitions, t => t.Note == "لطفاً اصل کارنامه آزمون سال 1386 را هم بفرستید");
        Assert.Single(await portal.AuditAsync(seeded.Id));

        // … and what the second person typed is still there, in a form that now acts on the current version.
        var message = conflictPage.QuerySelector("form[data-form=message]")!;
        Assert.Equal(request.Version.ToString(), message.QuerySelector("input[name=Version]")!.GetAttribute("value"));
        Assert.Null(conflictPage.QuerySelector("form[data-form=ask-documents]")); // not possible any more in this status
        Assert.Contains("لطفاً اصل کارنامه آزمون سال 1386 را هم بفرستید", conflictPage.QuerySelector("[data-kept-input]")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_note_posted_from_a_page_loaded_before_a_colleagues_message_is_refused_and_kept_then_sent_again()
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        var first = await portal.SignedInAsync(TehranManager);
        var second = await portal.SignedInAsync(TehranExpert);
        var stalePage = await CasePages.OpenAsync(second, seeded.Id);
        await CasePages.ActAsync(first, seeded.Id, "/messages", ("MessageText", "مدارک شما کامل است"));

        var (conflict, conflictPage) = await CasePages.PostAsync(second, stalePage, "/notes", ("NoteText", "پرونده کاغذی در قفسه ۱۲ است"));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("پرونده کاغذی در قفسه 12 است", conflictPage.QuerySelector("#NoteText")!.TextContent);
        Assert.Contains("مدارک شما کامل است", conflictPage.QuerySelector("[data-messages]")!.Text(), StringComparison.Ordinal);

        var (resent, _) = await CasePages.PostAsync(second, conflictPage, "/notes", ("NoteText", conflictPage.QuerySelector("#NoteText")!.TextContent));

        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Contains((await portal.RequestAsync(seeded.Id)).Messages, m => m.IsInternal && m.Text == "پرونده کاغذی در قفسه 12 است");
    }

    public sealed class PostgreSql(PostgreSqlBackOfficePortal portal)
        : CaseConcurrencyTests(PostgreSqlVariant.Of<BackOfficePortal>(portal)), IClassFixture<PostgreSqlBackOfficePortal>;
}
