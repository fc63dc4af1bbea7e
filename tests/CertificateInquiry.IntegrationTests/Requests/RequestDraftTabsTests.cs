using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.Requests;

/// <summary>
/// One browser, two tabs: a draft is never replaced without the person choosing so, and a form drawn for one draft
/// never puts its answers or files on another.
/// </summary>
public sealed class RequestDraftTabsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private Task<int> DraftCountAsync() => portal.WithDatabaseAsync(db => db.Requests.CountAsync());

    private static async Task<HttpClient> ApplicantAnsweredAsync(HttpClient client, string mobile)
    {
        await Forms.SubmitAsync(client, "/requests/new", "/requests/new");
        var (response, _) = await Forms.SubmitAsync(client, "/requests/form/applicant", "/requests/form/applicant",
            ("RequesterKind", "Holder"), ("NationalCode", "0084575948"), ("FirstName", "حسین"), ("LastName", "محمدی"),
            ("FatherName", "رضا"), ("BirthDate", "1362/07/01"), ("Gender", "Male"), ("Mobile", mobile), ("Email", ""));
        Assert.Equal("/requests/form/mobile", response.RequestMessage!.RequestUri!.AbsolutePath);
        return client;
    }

    /// <summary>Posts a page's multipart form with everything the page put in it (its token and draft id) and the files.</summary>
    private static async Task<HttpResponseMessage> PostFilesAsync(IDocument page, HttpClient client, params (string Field, string FileName, byte[] Content)[] files)
    {
        var form = page.QuerySelector("form[enctype='multipart/form-data']")!;
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type='hidden']"))
        {
            content.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
        }

        foreach (var (field, fileName, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, field, fileName);
        }

        return await client.PostAsync(form.GetAttribute("action"), content);
    }

    [Fact]
    public async Task Starting_a_request_while_one_is_unfinished_asks_first_and_replaces_nothing()
    {
        var client = await ApplicantAnsweredAsync(portal.CreateClient(), "09351110001");
        var drafts = await DraftCountAsync();

        var (response, page) = await Forms.SubmitAsync(client, "/requests/new", "/requests/new");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(drafts, await DraftCountAsync());
        Assert.Contains("درخواستی ناتمام دارید", page.QuerySelector("[data-unfinished-draft]")!.Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a[href='/requests/form/review']"));
        Assert.NotNull(page.QuerySelector("form[action='/requests/new'] input[name='abandon']"));
        var (_, applicant) = await HtmlPage.GetAsync(client, "/requests/form/applicant");
        Assert.Equal("حسین", applicant.QuerySelector("[name='FirstName']")!.GetAttribute("value")); // still the same draft
    }

    [Fact]
    public async Task Files_from_a_tab_whose_draft_was_left_in_another_are_refused_and_land_nowhere()
    {
        var client = await ApplicantAnsweredAsync(portal.CreateClient(), "09351110002");
        var first = await portal.WithDatabaseAsync(db => db.Requests.SingleAsync(r => r.Mobile == "09351110002"));
        var (_, tabA) = await HtmlPage.GetAsync(client, "/requests/form/documents");

        // Tab B: the start page, then explicitly leaving the unfinished draft for a new one.
        var (_, start) = await HtmlPage.GetAsync(client, "/requests/new");
        var abandon = start.QuerySelector("form[action='/requests/new'] input[name='abandon']")!.GetAttribute("value")!;
        Assert.Equal(first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), abandon);
        var (started, _) = await Forms.SubmitAsync(client, "/requests/new", "/requests/new", ("abandon", abandon));
        Assert.Equal("/requests/form/applicant", started.RequestMessage!.RequestUri!.AbsolutePath);
        var second = await portal.WithDatabaseAsync(db => db.Requests.OrderByDescending(r => r.Id).FirstAsync());
        Assert.NotEqual(first.Id, second.Id);

        // Tab A sends its files.
        var response = await PostFilesAsync(tabA, client,
            ("NationalCard", "card.jpg", RequestJourneyTests.Jpeg), ("MilitaryService", "military.pdf", RequestJourneyTests.Pdf));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await HtmlPage.ParseAsync(response);
        Assert.Contains("این صفحه برای درخواست دیگری باز شده بود", page.QuerySelector("[data-draft-changed]")!.Text(), StringComparison.Ordinal);
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.RequestDocuments.CountAsync(d => d.RequestId == first.Id || d.RequestId == second.Id)));
    }

    [Fact]
    public async Task Answers_from_a_tab_whose_draft_was_left_are_refused()
    {
        var client = await ApplicantAnsweredAsync(portal.CreateClient(), "09351110003");
        var (_, tabA) = await HtmlPage.GetAsync(client, "/requests/form/certificate");
        var draftId = tabA.QuerySelector("form[action='/requests/form/certificate'] input[name='DraftId']")!.GetAttribute("value")!;
        var (_, start) = await HtmlPage.GetAsync(client, "/requests/new");
        await Forms.SubmitAsync(client, "/requests/new", "/requests/new", ("abandon", start.QuerySelector("input[name='abandon']")!.GetAttribute("value")!));

        var (response, _) = await Forms.SubmitAsync(client, "/requests/form/certificate", "/requests/form/certificate",
            ("DraftId", draftId), ("Trade", "جوشکاری"), ("ExamYear", "1381"), ("ProvinceId", "4"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(0, await portal.WithDatabaseAsync(db => db.Requests.CountAsync(r => r.ExamYear == 1381)));
    }

    [Fact]
    public async Task A_file_for_a_document_the_request_does_not_ask_for_is_reported_not_dropped()
    {
        var client = portal.CreateClient();
        await Forms.SubmitAsync(client, "/requests/new", "/requests/new");
        await Forms.SubmitAsync(client, "/requests/form/applicant", "/requests/form/applicant",
            ("RequesterKind", "Holder"), ("NationalCode", "0076543218"), ("FirstName", "مریم"), ("LastName", "احمدی"),
            ("FatherName", "حسن"), ("BirthDate", "1360/02/05"), ("Gender", "Female"), ("Mobile", "09351110004"), ("Email", ""));
        var (_, documents) = await HtmlPage.GetAsync(client, "/requests/form/documents");

        var response = await PostFilesAsync(documents, client, ("MilitaryService", "military.pdf", RequestJourneyTests.Pdf));

        var page = await HtmlPage.ParseAsync(response);
        Assert.Contains("military.pdf", page.QuerySelector(".error-summary")!.Text(), StringComparison.Ordinal);
    }
}
