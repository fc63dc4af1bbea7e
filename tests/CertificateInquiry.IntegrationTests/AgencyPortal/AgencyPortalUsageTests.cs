using System.Net;
using System.Text;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.AgencyPortal;

/// <summary>The usage page (<c>/agency/usage</c>) and its CSV: the signed-in agency's own rows per Iran day, whatever the query string says.</summary>
public sealed class AgencyPortalUsageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Page = "/agency/usage";

    private DateOnly Today => IranTime.Today(portal.Services.GetRequiredService<TimeProvider>());

    private Task AuditAsync(int agencyId, DateOnly day, InquiryChannel channel, InquiryOutcome outcome, int count, string caseReference = "c") =>
        portal.WithDatabaseAsync(async db =>
        {
            for (var i = 0; i < count; i++)
            {
                db.InquiryAudit.Add(new InquiryAuditEntry
                {
                    OccurredAtUtc = IranTime.StartOfDayUtc(day).AddHours(10), Channel = channel, Outcome = outcome, ClientAddressHash = "test",
                    AgencyClientId = agencyId, Purpose = InquiryPurpose.Other, CaseReference = caseReference,
                });
            }

            return await db.SaveChangesAsync();
        });

    [Fact]
    public async Task The_last_thirty_days_of_the_agency_s_own_rows_are_a_table_and_a_chart()
    {
        var (client, agency) = await PortalOfficers.SignInAsync(portal);
        var (_, other) = await PortalOfficers.SignInAsync(portal);
        var yesterday = Today.AddDays(-1);
        await AuditAsync(agency.AgencyId, yesterday, InquiryChannel.AgencyApi, InquiryOutcome.Match, 3);
        await AuditAsync(agency.AgencyId, yesterday, InquiryChannel.AgencyBatch, InquiryOutcome.Miss, 2);
        await AuditAsync(agency.AgencyId, yesterday, InquiryChannel.AgencyPortal, InquiryOutcome.Invalid, 1);
        await AuditAsync(agency.AgencyId, Today.AddDays(-40), InquiryChannel.AgencyApi, InquiryOutcome.Match, 7); // before the range
        await AuditAsync(other.AgencyId, yesterday, InquiryChannel.AgencyApi, InquiryOutcome.Match, 50);

        // An agency id in the query string is ignored: the page is always the signed-in member's agency.
        var (response, page) = await HtmlPage.GetAsync(client, $"{Page}?agency={other.AgencyId}&agencyClientId={other.AgencyId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(30, page.QuerySelectorAll("[data-usage-table] tbody tr").Length);
        var row = page.QuerySelector($"[data-usage-day='{JalaliDate.Format(yesterday)}']")!;
        Assert.Equal("۳", row.QuerySelector("[data-cell='verified']")!.TextContent);
        Assert.Equal("۲", row.QuerySelector("[data-cell='not-found']")!.TextContent);
        Assert.Equal("۱", row.QuerySelector("[data-cell='invalid']")!.TextContent);
        Assert.Equal(("۳", "۱", "۲"), (row.QuerySelector("[data-cell='api']")!.TextContent, row.QuerySelector("[data-cell='portal']")!.TextContent,
            row.QuerySelector("[data-cell='batch']")!.TextContent));
        var bars = page.QuerySelectorAll($"[data-usage-chart] [data-usage-column='{JalaliDate.Format(yesterday)}'] rect");
        Assert.Equal(["3", "2", "1"], bars.Select(b => b.GetAttribute("data-count")));
        Assert.Equal(3, page.QuerySelectorAll("[data-usage-chart] rect").Length); // only yesterday's three bars
        Assert.NotNull(page.QuerySelector("svg[role='img'] title"));
        Assert.DoesNotContain("۵۰", page.QuerySelector("[data-usage-table]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reversed_range_gets_a_Persian_error_and_no_table()
    {
        var (client, _) = await PortalOfficers.SignInAsync(portal);

        var (response, page) = await HtmlPage.GetAsync(client, $"{Page}?From=1405/09/10&To=1405/09/01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("خطا: ", page.Title, StringComparison.Ordinal);
        Assert.Contains("پیش از تاریخ آغاز", page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-usage-table]"));
    }

    [Fact]
    public async Task A_huge_range_is_cut_to_366_days_and_junk_dates_are_refused_never_a_500()
    {
        var (client, _) = await PortalOfficers.SignInAsync(portal);

        var (_, huge) = await HtmlPage.GetAsync(client, $"{Page}?From=۱۲۰۰/۰۱/۰۱&To=۱۶۰۰/۰۱/۰۱");
        var (junk, junkPage) = await HtmlPage.GetAsync(client, $"{Page}?From=%00%3D1%2B1&To=" + new string('9', 1000));

        Assert.NotNull(huge.QuerySelector("[data-usage-cut]"));
        Assert.Equal(366, huge.QuerySelectorAll("[data-usage-table] tbody tr").Length);
        Assert.Equal(HttpStatusCode.OK, junk.StatusCode);
        Assert.NotNull(junkPage.QuerySelector("[data-error-summary]"));
    }

    [Fact]
    public async Task The_CSV_export_is_UTF8_with_a_BOM_Persian_headers_and_the_same_numbers()
    {
        var (client, agency) = await PortalOfficers.SignInAsync(portal);
        var day = Today.AddDays(-2);
        await AuditAsync(agency.AgencyId, day, InquiryChannel.AgencyApi, InquiryOutcome.Match, 4, caseReference: "=HYPERLINK(\"http://evil\")");

        var (_, page) = await HtmlPage.GetAsync(client, Page);
        var link = page.QuerySelector("[data-usage-csv]")!.GetAttribute("href")!;
        var response = await client.GetAsync(link);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"تاریخ\"", lines[0], StringComparison.Ordinal);
        Assert.Equal(31, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"\"{JalaliDate.Format(day)}\",", StringComparison.Ordinal) && l.Contains(",\"4\",\"4\",\"0\",\"0\",\"4\",", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.All(lines.SelectMany(l => l.Split(',')), cell => Assert.False(cell.TrimStart('"').StartsWith('='), cell));
    }
}
