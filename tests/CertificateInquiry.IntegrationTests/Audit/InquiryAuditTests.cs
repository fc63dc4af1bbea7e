using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.IntegrationTests.Audit;

public class InquiryAuditTests
{
    protected virtual bool OnPostgreSql => false;

    private static async Task LookupAsync(HttpClient client, string nationalCode, string number) =>
        await Forms.SubmitAsync(client, "/certificates/lookup", "/certificates/lookup", ("NationalCode", nationalCode), ("CertificateNumber", number));

    [SkippableFact]
    public async Task Every_lookup_check_and_verification_is_recorded_without_personal_data()
    {
        using PortalFactory portal = OnPostgreSql ? new PostgreSqlDemoPortalFactory() : new DemoPortalFactory();
        var client = portal.CreateClient();
        var code = await portal.WithDatabaseAsync(db => db.Certificates.Where(c => c.Number == "1401-08-000101").Select(c => c.VerificationCode).SingleAsync());
        var id = await portal.WithDatabaseAsync(db => db.Certificates.Where(c => c.Number == "1401-08-000101").Select(c => c.Id).SingleAsync());

        await LookupAsync(client, "0076543218", "1401-08-000101");
        await LookupAsync(client, "0084575948", "1401-08-000101");
        await LookupAsync(client, "0076543217", "1401-08-000101");
        await Forms.SubmitAsync(client, "/licenses/check", "/licenses/check", ("LicenseNumber", "1401-08-000101"), ("NationalCode", ""));
        await client.GetAsync("/verify/" + code);
        await client.GetAsync("/verify/0000000000000000");

        var entries = await portal.WaitForAuditEntriesAsync(6);
        Assert.Equal(
            [
                (InquiryChannel.CertificateLookup, InquiryOutcome.Match, (long?)id),
                (InquiryChannel.CertificateLookup, InquiryOutcome.Miss, null),
                (InquiryChannel.CertificateLookup, InquiryOutcome.Invalid, null),
                (InquiryChannel.LicenseCheck, InquiryOutcome.Match, id),
                (InquiryChannel.Verification, InquiryOutcome.Match, id),
                (InquiryChannel.Verification, InquiryOutcome.Miss, null),
            ],
            entries.Select(e => (e.Channel, e.Outcome, e.CertificateId)));
        Assert.All(entries, e => Assert.Matches("^[0-9a-f]{32}$", e.ClientAddressHash));
        Assert.Single(entries.Select(e => e.ClientAddressHash).Distinct());
        Assert.All(entries, e => Assert.InRange(e.OccurredAtUtc, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1)));

        var rawRows = await portal.WithDatabaseAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT \"ClientAddressHash\" || '|' || COALESCE(CAST(\"CertificateId\" AS VARCHAR(20)), '') || '|' || \"Channel\" AS \"Value\" FROM \"InquiryAudit\"").ToListAsync());
        Assert.DoesNotContain(rawRows, row => row.Contains("0076543218", StringComparison.Ordinal) || row.Contains("0084575948", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task A_clean_shutdown_writes_every_queued_entry()
    {
        var portal = new KeptDatabasePortal(OnPostgreSql);
        const int lookups = 40;
        try
        {
            var client = portal.CreateClient();
            for (var i = 0; i < lookups; i++)
            {
                await LookupAsync(client, "0084575948", $"1401-08-{i:D6}");
            }
        }
        finally
        {
            portal.Dispose(); // stops the host: the web server first, then the audit writer, which empties its queue
        }

        try
        {
            await using var db = portal.OpenDatabase();
            Assert.Equal(lookups, await db.InquiryAudit.CountAsync(e => e.Outcome == InquiryOutcome.Miss));
        }
        finally
        {
            Directory.Delete(portal.Folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task A_segment_committed_just_before_a_kill_is_written_again_at_start_up_without_failing_on_its_answer()
    {
        const string InquiryId = "0193a1b2c3d4e5f60718293a4b5c6d7e";
        const string Hash = "0123456789abcdef0123456789abcdef";
        var portal = new KeptDatabasePortal(OnPostgreSql);
        try
        {
            // The killed process had committed the segment (its answer is stored) but not yet deleted it.
            await using (var db = portal.OpenDatabase())
            {
                db.AgencyAnswers.Add(new AgencyAnswer { InquiryId = InquiryId, AgencyClientId = 7, AnsweredAtUtc = DateTime.UtcNow, SignedAnswer = "a.b.c" });
                await db.SaveChangesAsync();
            }

            var journalFolder = Path.Combine(portal.Folder, "audit-journal");
            using (var journal = new InquiryJournal(journalFolder))
            {
                journal.Append(DateTime.UtcNow, InquiryChannel.AgencyApi, InquiryOutcome.Match, null, Hash,
                    new AgencyAuditFields(7, InquiryPurpose.Employment, "1405/1", "officer-1", Hash, InquiryId, "a.b.c"));
            }

            portal.CreateClient(); // starts the portal, whose writer replays the segment first
            await Poll.UntilAsync(() => Task.FromResult(Directory.GetFiles(journalFolder, "*" + InquiryJournal.Extension).Length == 0),
                "the left segment written and deleted");

            Assert.Equal(InquiryId, await portal.WithDatabaseAsync(db => db.AgencyAnswers.Select(a => a.InquiryId).SingleAsync()));
            Assert.Equal(InquiryId, await portal.WithDatabaseAsync(db => db.InquiryAudit.Select(e => e.InquiryId).SingleAsync()));
        }
        finally
        {
            portal.Dispose();
            Directory.Delete(portal.Folder, recursive: true);
        }
    }

    private sealed class KeptDatabasePortal(bool onPostgreSql) : PortalFactory
    {
        protected override bool DeleteFolderOnDispose => false;

        protected internal override bool OnPostgreSql => onPostgreSql;
    }

    public sealed class PostgreSql : InquiryAuditTests
    {
        public PostgreSql() => PostgreSqlVariant.SkipUnlessConfigured();

        protected override bool OnPostgreSql => true;
    }
}
