using System.Net;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain.Requests;
using static CertificateInquiry.IntegrationTests.BackOffice.BackOfficePortal;

namespace CertificateInquiry.IntegrationTests.BackOffice;

/// <summary>
/// Every paged list of the back-office reads its page the same way (Paging) and draws the same pager (_Pager): a page
/// value edited in the address bar gives a page of the list, never an error, and the pager's links keep the filters.
/// </summary>
public sealed class PagedListTests(BackOfficePortal portal) : IClassFixture<BackOfficePortal>
{
    public static TheoryData<string, string> JunkPages()
    {
        var data = new TheoryData<string, string>();
        foreach (var list in new[] { "/admin/requests", "/admin/audit", "/admin/users", "/admin/certificates" })
        {
            foreach (var page in new[] { "abc", "0", "-1", "999999", "99999999999999999999", "%00", "1.5", "%DB%B2" })
            {
                data.Add(list, page);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(JunkPages))]
    public async Task A_junk_page_value_shows_the_list_without_an_error(string list, string page)
    {
        var admin = await portal.SignedInAsync(NationalAdminEmail);

        var (response, document) = await HtmlPage.GetAsync(admin.Client, list + "?page=" + page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(document.QuerySelector("[data-error-summary]"));
        Assert.NotNull(document.QuerySelector("main h1"));
    }

    [Fact]
    public async Task The_pager_marks_the_current_page_and_its_links_keep_the_filters()
    {
        for (var i = 0; i < 27; i++)
        {
            await portal.SeedAsync(RequestStatus.Submitted, "یزد");
        }

        var admin = await portal.SignedInAsync(NationalAdminEmail);
        var (_, first) = await HtmlPage.GetAsync(admin.Client, "/admin/requests?Sort=newest&Status=Submitted");
        var next = first.QuerySelector("[data-pager] a[rel=next]")!.GetAttribute("href")!;
        var (_, second) = await HtmlPage.GetAsync(admin.Client, next);
        var (_, last) = await HtmlPage.GetAsync(admin.Client, "/admin/requests?Sort=newest&Status=Submitted&Page=999999");

        Assert.Contains("Sort=newest", next, StringComparison.Ordinal);
        Assert.Contains("Status=Submitted", next, StringComparison.Ordinal);
        Assert.Contains("Page=2", next, StringComparison.Ordinal);
        Assert.Equal("۱", first.QuerySelector("[data-pager] a[aria-current=page]")!.Text().Replace("صفحه", "", StringComparison.Ordinal).Trim());
        Assert.Equal("۲", second.QuerySelector("[data-pager] a[aria-current=page]")!.Text().Replace("صفحه", "", StringComparison.Ordinal).Trim());
        Assert.NotNull(second.QuerySelector("[data-pager] a[rel=prev]"));
        Assert.NotNull(second.QuerySelector("[data-pager][aria-label]"));
        Assert.Equal(
            second.QuerySelector("[data-pager] a[aria-current=page]")!.GetAttribute("href"),
            last.QuerySelector("[data-pager] a[aria-current=page]")!.GetAttribute("href"));
    }
}
