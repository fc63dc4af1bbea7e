using System.Net;
using CertificateInquiry.IntegrationTests.Agencies;
using CertificateInquiry.IntegrationTests.AgencyApi;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.Holders;

/// <summary>
/// «چه کسانی استعلام کرده‌اند» after a day of real inquiries through every channel: the public lookup, an employer's
/// license check, a share code used and then tried again after it was revoked, and agencies' inquiries through the
/// API, of which the judicial one and the one marked confidential wait for their purpose's delay.
/// </summary>
public sealed class WhoCheckedMeTests(ClockedDemoPortalFactory portal) : IClassFixture<ClockedDemoPortalFactory>
{
    private const string Holder = "0076543218";
    private const string Number = "1401-08-000101";

    [Fact]
    public async Task The_holder_sees_every_check_with_its_channel_and_agency_and_the_judicial_and_confidential_ones_only_after_their_delay()
    {
        var visitor = portal.CreateClient();
        var before = await portal.WithDatabaseAsync(db => db.InquiryAudit.CountAsync());

        // A public lookup and an employer's check by number alone.
        await Forms.SubmitAsync(visitor, "/certificates/lookup", "/certificates/lookup", ("CertificateNumber", Number), ("NationalCode", Holder));
        await Forms.SubmitAsync(visitor, "/licenses/check", "/licenses/check", ("LicenseNumber", Number), ("NationalCode", ""));

        // A share code used once, revoked, then tried again.
        var holder = portal.SignedInHolder(Holder);
        var code = await ShareCodeTests.CreateAsync(holder, certificate: Number, days: "30", recipient: "شرکت نمونه");
        await ShareCodeTests.OpenAsync(visitor, code);
        var id = await portal.WithDatabaseAsync(db => db.ShareCodes.Where(c => c.Hint == code.Substring(code.Length - 4)).Select(c => c.Id).SingleAsync());
        using (await Forms.PostWithTokenFromAsync(holder, "/my/share-codes", $"/my/share-codes/{id}/revoke"))
        {
        }

        await ShareCodeTests.OpenAsync(visitor, code);

        // Three agencies: employment (shown at once), judicial (held back), employment marked confidential (held back).
        const string Employer = "شرکت کاریابی آزمایشی", Court = "دادگستری آزمایشی", Bank = "بانک آزمایشی";
        var employer = await AgencyClients.RegisterAsync(portal, AgencyScopes.Verify, name: Employer);
        var court = await AgencyClients.RegisterAsync(portal, AgencyScopes.Verify, name: Court);
        var bank = await AgencyClients.RegisterAsync(portal, AgencyScopes.Verify, name: Bank);
        await InquireAsync(employer, ("purpose", "employment"));
        await InquireAsync(court, ("purpose", "judicial"));
        await InquireAsync(bank, ("purpose", "employment"), ("confidential", true));

        // Someone else's inquiry is not the holder's.
        await Forms.SubmitAsync(visitor, "/licenses/check", "/licenses/check", ("LicenseNumber", "1402-04-000102"), ("NationalCode", ""));
        await portal.WaitForAuditEntriesAsync(before + 8);
        await Poll.UntilAsync(
            async () => await portal.WithDatabaseAsync(db => db.InquiryAudit.CountAsync(
                e => e.AgencyClientId == employer.AgencyId || e.AgencyClientId == court.AgencyId || e.AgencyClientId == bank.AgencyId)) == 3,
            "the agencies' inquiries were not audited");

        var (response, page) = await HtmlPage.GetAsync(portal.SignedInHolder(Holder), "/my/checks");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = page.QuerySelectorAll("tbody tr").Select(row => row.Text()).ToList();
        Assert.Equal(5, rows.Count);
        Assert.Single(rows, row => row.Contains("جست‌وجوی عمومی", StringComparison.Ordinal) && row.Contains(Number, StringComparison.Ordinal));
        Assert.Single(rows, row => row.Contains("استعلام کارفرما", StringComparison.Ordinal));
        Assert.Single(rows, row => row.Contains("کد اشتراک", StringComparison.Ordinal) && row.Contains("سند نشان داده شد", StringComparison.Ordinal));
        Assert.Single(rows, row => row.Contains("کد اشتراک", StringComparison.Ordinal) && row.Contains("لغوشده", StringComparison.Ordinal));
        Assert.Single(rows, row => row.Contains(Employer, StringComparison.Ordinal) && row.Contains("استخدام", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, row => row.Contains(Court, StringComparison.Ordinal) || row.Contains(Bank, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, row => row.Contains("1402-04-000102", StringComparison.Ordinal));
        Assert.Contains("ممکن است برخی استعلام‌ها بعداً", page.Body!.TextContent, StringComparison.Ordinal);

        var confidential = await portal.WithDatabaseAsync(db => db.InquiryAudit.AsNoTracking()
            .SingleAsync(e => e.AgencyClientId == bank.AgencyId));
        Assert.True(confidential.Confidential);

        // 89 days on, still held back; after 90 (the default delay) both are shown.
        portal.Clock.Advance(TimeSpan.FromDays(89));
        (_, page) = await HtmlPage.GetAsync(portal.SignedInHolder(Holder), "/my/checks");
        Assert.Equal(5, page.QuerySelectorAll("tbody tr").Length);

        portal.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(5));
        (_, page) = await HtmlPage.GetAsync(portal.SignedInHolder(Holder), "/my/checks");
        rows = [.. page.QuerySelectorAll("tbody tr").Select(row => row.Text())];
        Assert.Equal(7, rows.Count);
        Assert.Single(rows, row => row.Contains(Court, StringComparison.Ordinal) && row.Contains("قضایی", StringComparison.Ordinal));
        Assert.Single(rows, row => row.Contains(Bank, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_holder_sees_none_of_these_checks()
    {
        var (_, page) = await HtmlPage.GetAsync(portal.SignedInHolder("1750987651"), "/my/checks");

        Assert.Empty(page.QuerySelectorAll("tbody tr"));
        Assert.Contains("تاکنون استعلامی", page.Body!.TextContent, StringComparison.Ordinal);
    }

    private async Task InquireAsync(Web.Features.Agencies.IssuedCredentials agency, params (string Name, object? Value)[] extra)
    {
        var client = await AgencyApiClients.ClientForAsync(portal, agency);
        using var response = await client.InquireAsync(AgencyApiClients.Query(Holder, Number, extra));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
