using System.Net;
using System.Net.Http.Headers;
using CertificateInquiry.IntegrationTests.Admin;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.AgencyApi;

/// <summary>National admins see who asked, by agency, dates and the national code asked about, which the audit holds only as a keyed hash.</summary>
public sealed class AgencyInquiriesAdminTests(AdminPortal portal) : IClassFixture<AdminPortal>
{
    private const string Path = "/admin/agency-inquiries";

    [Fact]
    public async Task An_admin_finds_an_agency_s_inquiries_about_one_person_by_their_national_code()
    {
        var asking = portal.CreateClient();
        var credentials = await AgencyApiClients.RegisterAsync(portal, AgencyScopes.Verify);
        asking.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await AgencyApiClients.TokenAsync(asking, credentials));
        await asking.InquireAsync(AgencyApiClients.Query("0076543218", "1401-08-000101", ("caseReference", "پرونده-الف")));
        await asking.InquireAsync(AgencyApiClients.Query("1270123459", "1402-04-000102", ("caseReference", "پرونده-ب")));
        await Poll.UntilAsync(
            () => portal.WithDatabaseAsync(db => db.InquiryAudit.CountAsync(e => e.AgencyClientId == credentials.AgencyId)),
            count => count >= 2, "the inquiries were not audited");
        var (admin, _) = await portal.SignInNationalAdminAsync();

        var (response, page) = await HtmlPage.GetAsync(admin.Client, $"{Path}?Agency={credentials.AgencyId}&NationalCode=۰۰۷۶۵۴۳۲۱۸");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("[data-agency-inquiries] tbody tr");
        var row = Assert.Single(rows);
        Assert.Contains("پرونده-الف", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("استخدام", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("0076543218", page.Body!.InnerHtml.Replace("value=\"0076543218\"", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_national_code_is_refused_with_a_Persian_message_and_shows_nothing()
    {
        var (admin, _) = await portal.SignInNationalAdminAsync();

        var (response, page) = await HtmlPage.GetAsync(admin.Client, $"{Path}?NationalCode=12345&From=1405/13/40");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(page.QuerySelectorAll("[data-agency-inquiries] tbody tr"));
        Assert.Contains("کد ملی یا کد یکتای اتباع درست نیست", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("تاریخ آغاز", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Provincial_staff_are_refused()
    {
        var (expert, _) = await portal.SignInProvincialAsync(StaffRoles.ProvincialExpert, "تهران");

        var response = await expert.Client.GetAsync(Path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/access-denied", AdminPages.Location(response), StringComparison.Ordinal);
    }
}
