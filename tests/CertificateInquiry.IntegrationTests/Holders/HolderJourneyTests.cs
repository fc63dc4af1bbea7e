using System.Net;
using CertificateInquiry.FakeProviders;
using CertificateInquiry.IntegrationTests.Agencies;
using CertificateInquiry.IntegrationTests.AgencyApi;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain.Agencies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Holders;

/// <summary>
/// Issue 14's acceptance, in one journey with nothing minted: a holder signs in through the fake national sign-in
/// (real OpenID Connect redirects), sees all their certificates, makes a share code that an employer uses, revokes it
/// (the next use fails), and sees both uses and an agency's inquiry in «who checked me», the judicial one only after
/// its delay.
/// </summary>
public sealed class HolderJourneyTests : IAsyncLifetime
{
    private const string Holder = "0076543218";
    private const string Number = "1401-08-000101";

    private WebApplication fakes = null!;
    private JourneyPortal portal = null!;

    public async Task InitializeAsync()
    {
        fakes = await FakeProviderServer.StartAsync();
        portal = new JourneyPortal(FakeNationalSignIn.PortalSettings(FakeProviderServer.Address(fakes)));
        _ = portal.Server;
    }

    public async Task DisposeAsync()
    {
        await portal.DisposeAsync();
        await fakes.DisposeAsync();
    }

    [Fact]
    public async Task A_holder_signed_in_nationally_shares_a_certificate_revokes_the_code_and_sees_every_check_the_judicial_one_later()
    {
        using var holder = new NationalSignInFlow(portal);
        using (var signedIn = await holder.SignInAsync(Holder, "/my"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.Equal("/my", signedIn.Headers.Location!.OriginalString);
        }

        var (_, home) = await HtmlPage.GetAsync(holder.Portal, "/my");
        Assert.Contains(Number, home.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            await portal.WithDatabaseAsync(db => db.Certificates.CountAsync(c => c.Person!.NationalCode == Holder)),
            home.QuerySelectorAll("article.holder-certificate").Length);

        var code = await ShareCodeTests.CreateAsync(holder.Portal, certificate: "", days: "30", recipient: "کارفرما");
        var employer = portal.CreateClient();
        Assert.Contains(Number, (await ShareCodeTests.OpenAsync(employer, code)).Body!.TextContent, StringComparison.Ordinal);
        var id = await portal.WithDatabaseAsync(db => db.ShareCodes.Where(c => c.Hint == code.Substring(code.Length - 4)).Select(c => c.Id).SingleAsync());
        using (var revoked = await Forms.PostWithTokenFromAsync(holder.Portal, "/my/share-codes", $"/my/share-codes/{id}/revoke"))
        {
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        }

        Assert.Contains("این کد اشتراک معتبر نیست", (await ShareCodeTests.OpenAsync(employer, code)).Body!.TextContent, StringComparison.Ordinal);

        const string Employer = "کاریابی سفر آزمایشی", Court = "دادسرای آزمایشی";
        var employerAgency = await AgencyClients.RegisterAsync(portal, AgencyScopes.Verify, name: Employer);
        var courtAgency = await AgencyClients.RegisterAsync(portal, AgencyScopes.Verify, name: Court);
        await InquireAsync(employerAgency, "employment");
        await InquireAsync(courtAgency, "judicial");
        await Poll.UntilAsync(
            async () => await portal.WithDatabaseAsync(db => db.InquiryAudit.CountAsync(
                e => e.AgencyClientId == employerAgency.AgencyId || e.AgencyClientId == courtAgency.AgencyId)) == 2,
            "the agencies' inquiries were not audited");

        var (_, checks) = await HtmlPage.GetAsync(holder.Portal, "/my/checks");
        var rows = checks.QuerySelectorAll("tbody tr").Select(row => row.Text()).ToList();
        Assert.Equal(2, rows.Count(row => row.Contains("کد اشتراک", StringComparison.Ordinal)));
        Assert.Single(rows, row => row.Contains(Employer, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, row => row.Contains(Court, StringComparison.Ordinal));

        // Ninety days on the holder signs in again (the session ended long ago) and the judicial inquiry is there.
        portal.Clock.Advance(TimeSpan.FromDays(90) + TimeSpan.FromMinutes(1));
        using var later = new NationalSignInFlow(portal);
        using (await later.SignInAsync(Holder, "/my/checks"))
        {
        }

        (_, checks) = await HtmlPage.GetAsync(later.Portal, "/my/checks");
        Assert.Single(checks.QuerySelectorAll("tbody tr"), row => row.Text().Contains(Court, StringComparison.Ordinal) && row.Text().Contains("قضایی", StringComparison.Ordinal));
    }

    private async Task InquireAsync(Web.Features.Agencies.IssuedCredentials agency, string purpose)
    {
        var client = await AgencyApiClients.ClientForAsync(portal, agency);
        using var response = await client.InquireAsync(AgencyApiClients.Query(Holder, Number, ("purpose", purpose)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private sealed class JourneyPortal(IEnumerable<KeyValuePair<string, string>> fakeSettings) : PortalFactory
    {
        public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

        protected override bool SeedDemoData => true;

        protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
            fakeSettings.ToDictionary(s => s.Key, s => (string?)s.Value);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }
    }
}
