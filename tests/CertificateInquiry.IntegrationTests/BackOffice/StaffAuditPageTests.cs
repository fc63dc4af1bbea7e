using System.Globalization;
using System.Net;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain.Requests;
using static CertificateInquiry.IntegrationTests.BackOffice.BackOfficePortal;

namespace CertificateInquiry.IntegrationTests.BackOffice;

/// <summary>National admins browse the staff audit trail; nobody else can.</summary>
public sealed class StaffAuditPageTests(BackOfficePortal portal) : IClassFixture<BackOfficePortal>
{
    [Fact]
    public async Task A_national_admin_sees_every_staff_action_newest_first_and_filters_by_request_action_and_user()
    {
        var first = await portal.SeedAsync(RequestStatus.Submitted);
        var second = await portal.SeedAsync(RequestStatus.Submitted, province: "اصفهان");
        await CasePages.ActAsync(await portal.SignedInAsync(TehranExpert), first.Id, "/start-review");
        await CasePages.ActAsync(await portal.SignedInAsync(TehranExpert), first.Id, "/notes", ("NoteText", "یادداشت"));
        await CasePages.ActAsync(await portal.SignedInAsync(IsfahanExpert), second.Id, "/start-review");
        var admin = await portal.SignedInAsync(NationalAdminEmail);

        var (response, all) = await HtmlPage.GetAsync(admin.Client, "/admin/audit");
        var (_, byRequest) = await HtmlPage.GetAsync(admin.Client, "/admin/audit?Request=" + first.Id.ToString(CultureInfo.InvariantCulture));
        var (_, byAction) = await HtmlPage.GetAsync(admin.Client, "/admin/audit?Action=request.review.start");
        var (_, byUser) = await HtmlPage.GetAsync(admin.Client, "/admin/audit?User=" + portal.User(IsfahanExpert).Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = all.QuerySelectorAll("[data-audit] tbody tr").Select(r => r.Text()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("امید نصیری", rows[0], StringComparison.Ordinal); // newest first
        Assert.Contains("request.note.add", rows[1], StringComparison.Ordinal);
        Assert.Contains("Submitted → UnderReview", rows[2], StringComparison.Ordinal);
        Assert.Equal(2, byRequest.QuerySelectorAll("[data-audit] tbody tr").Length);
        Assert.Equal(2, byAction.QuerySelectorAll("[data-audit] tbody tr").Length);
        Assert.Single(byUser.QuerySelectorAll("[data-audit] tbody tr"));
        Assert.NotNull(all.QuerySelector($"a[href='/admin/requests/{second.Id}']"));
    }

    [Fact]
    public async Task Provincial_managers_and_experts_are_denied_the_audit_trail()
    {
        foreach (var email in new[] { TehranManager, TehranExpert })
        {
            var response = await (await portal.SignedInAsync(email)).Client.GetAsync("/admin/audit");

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/admin/access-denied", CasePages.Location(response), StringComparison.Ordinal);
        }
    }
}
