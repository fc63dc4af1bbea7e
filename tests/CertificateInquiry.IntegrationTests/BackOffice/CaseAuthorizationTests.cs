using System.Globalization;
using System.Net;
using CertificateInquiry.Web.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using static CertificateInquiry.IntegrationTests.BackOffice.BackOfficePortal;

namespace CertificateInquiry.IntegrationTests.BackOffice;

/// <summary>
/// The province rule on every back-office request address: another province's request, document or action is a 404
/// (and changes nothing), whatever the role; a national admin reaches every province.
/// </summary>
public sealed class CaseAuthorizationTests(BackOfficePortal portal) : IClassFixture<BackOfficePortal>
{
    /// <summary>Every action on a request, with fields that would pass validation.</summary>
    private static readonly (string Action, (string, string)[] Fields)[] Actions =
    [
        ("/assign", [("AssignTo", "me")]),
        ("/start-review", []),
        ("/ask-documents", [("DocumentsMessage", "کارت ملی")]),
        ("/schedule-visit", [("VisitKind", "InPerson"), ("VisitDate", "1499/01/01"), ("VisitTime", "09:00"), ("VisitPlace", "اداره کل")]),
        ("/visit-held", []),
        ("/notes", [("NoteText", "یادداشت")]),
        ("/messages", [("MessageText", "پیام")]),
        ("/proposals", [("Outcome", "NotFound")]),
        ("/proposals/{proposal}/approve", []),
        ("/proposals/{proposal}/return", [("ReturnNote", "برگشت")]),
    ];

    public static TheoryData<string> OtherProvinceStaff => [IsfahanExpert, IsfahanManager];

    /// <summary>A Tehran request under review, with a document and a pending proposal, so that every action has something to act on.</summary>
    private async Task<(long Id, long DocumentId, long ProposalId, Guid Version)> TehranCaseAsync()
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        var documentId = await portal.AttachDocumentAsync(seeded.Id);
        var expert = await portal.SignedInAsync(TehranExpert);
        await CasePages.ActAsync(expert, seeded.Id, "/proposals", ("Outcome", "NotFound"));
        var proposalId = await portal.WithDatabaseAsync(db => db.AnswerProposals.Where(p => p.RequestId == seeded.Id).Select(p => p.Id).SingleAsync());
        return (seeded.Id, documentId, proposalId, (await portal.RequestAsync(seeded.Id)).Version);
    }

    [Theory]
    [MemberData(nameof(OtherProvinceStaff))]
    public async Task Another_provinces_request_its_documents_and_every_action_on_it_are_not_found_and_change_nothing(string email)
    {
        var (id, documentId, proposalId, version) = await TehranCaseAsync();
        var outsider = await portal.SignedInAsync(email);
        var auditBefore = (await portal.AuditAsync(id)).Count;

        var queue = await outsider.Client.GetStringAsync("/admin/requests");
        var open = await outsider.Client.GetAsync(CasePages.Path(id));
        var document = await outsider.Client.GetAsync($"{CasePages.Path(id)}/documents/{documentId}");
        var download = await outsider.Client.GetAsync($"{CasePages.Path(id)}/documents/{documentId}?download=true");
        Assert.DoesNotContain($"data-request-id=\"{id}\"", queue, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, document.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);

        foreach (var (action, fields) in Actions)
        {
            var path = CasePages.Path(id) + action.Replace("{proposal}", proposalId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            var response = await CasePages.PostBlindAsync(outsider, path, version, fields);

            // An expert is stopped at the managers' policy before the province is even looked at; either way, refused.
            var managersOnly = action.EndsWith("/approve", StringComparison.Ordinal) || action.EndsWith("/return", StringComparison.Ordinal);
            var deniedByPolicy = email == IsfahanExpert && managersOnly
                && CasePages.Location(response)?.StartsWith("/admin/access-denied", StringComparison.Ordinal) == true;
            Assert.True(response.StatusCode == HttpStatusCode.NotFound || deniedByPolicy, $"{email} {action}: {response.StatusCode}");
        }

        var after = await portal.RequestAsync(id);
        Assert.Equal((RequestStatus.UnderReview, version), (after.Status, after.Version));
        Assert.Null(after.AssignedToUserId);
        Assert.Equal(auditBefore, (await portal.AuditAsync(id)).Count);
        Assert.True(await portal.WithDatabaseAsync(db => db.AnswerProposals.AnyAsync(p => p.Id == proposalId && p.Decision == null)));
    }

    [Fact]
    public async Task Staff_of_the_province_and_national_admins_open_the_case_and_its_documents()
    {
        var (id, documentId, _, _) = await TehranCaseAsync();
        var isfahan = await portal.SeedAsync(RequestStatus.Submitted, province: "اصفهان");

        foreach (var email in new[] { TehranExpert, TehranManager, NationalAdminEmail })
        {
            var browser = await portal.SignedInAsync(email);
            Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(CasePages.Path(id))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync($"{CasePages.Path(id)}/documents/{documentId}")).StatusCode);
        }

        var admin = await portal.SignedInAsync(NationalAdminEmail);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync(CasePages.Path(isfahan.Id))).StatusCode);
        var (started, _) = await CasePages.ActAsync(admin, isfahan.Id, "/start-review");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var tehranExpert = await portal.SignedInAsync(TehranExpert);
        Assert.Equal(HttpStatusCode.NotFound, (await tehranExpert.Client.GetAsync(CasePages.Path(isfahan.Id))).StatusCode);
    }

    [Fact]
    public async Task A_draft_is_not_found_by_anyone_and_an_anonymous_visitor_is_sent_to_sign_in()
    {
        var draftId = await portal.WithDatabaseAsync(async db =>
        {
            var draft = new InquiryRequest { AccessKey = Guid.NewGuid().ToString("N"), ProvinceId = 8, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow };
            db.Requests.Add(draft);
            await db.SaveChangesAsync();
            return draft.Id;
        });
        var (id, documentId, _, _) = await TehranCaseAsync();
        var admin = await portal.SignedInAsync(NationalAdminEmail);

        var draft = await admin.Client.GetAsync(CasePages.Path(draftId));
        var anonymous = portal.OpenBrowser();
        var anonymousCase = await anonymous.Client.GetAsync(CasePages.Path(id));
        var anonymousDocument = await anonymous.Client.GetAsync($"{CasePages.Path(id)}/documents/{documentId}");

        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, anonymousCase.StatusCode);
        Assert.StartsWith("/admin/sign-in", CasePages.Location(anonymousCase), StringComparison.Ordinal);
        Assert.StartsWith("/admin/sign-in", CasePages.Location(anonymousDocument), StringComparison.Ordinal);
    }
}
