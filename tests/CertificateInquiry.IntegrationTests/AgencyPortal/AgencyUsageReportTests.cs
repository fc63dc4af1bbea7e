using CertificateInquiry.IntegrationTests.Agencies;
using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.AgencyPortal.Usage;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.AgencyPortal;

/// <summary>The usage report counts each agency's audit rows by Iran day, channel and outcome in the database itself.</summary>
public sealed class AgencyUsageReportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Rows_are_counted_on_their_Iran_day_by_outcome_and_channel_and_only_for_their_agency()
    {
        var mine = await AgencyClients.RegisterAsync(portal);
        var other = await AgencyClients.RegisterAsync(portal);
        var day = JalaliDate.Create(1405, 9, 1);
        var startUtc = IranTime.StartOfDayUtc(day); // 20:30 UTC the evening before
        await portal.WithDatabaseAsync(async db =>
        {
            void Add(int agency, DateTime at, InquiryChannel channel, InquiryOutcome outcome) => db.InquiryAudit.Add(new InquiryAuditEntry
            {
                OccurredAtUtc = at, Channel = channel, Outcome = outcome, ClientAddressHash = "test", AgencyClientId = agency, Purpose = InquiryPurpose.Other,
            });

            Add(mine.AgencyId, startUtc.AddMinutes(-1), InquiryChannel.AgencyApi, InquiryOutcome.Match); // the day before, in Iran
            Add(mine.AgencyId, startUtc, InquiryChannel.AgencyApi, InquiryOutcome.Match);
            Add(mine.AgencyId, startUtc.AddHours(3), InquiryChannel.AgencyPortal, InquiryOutcome.Miss);
            Add(mine.AgencyId, startUtc.AddHours(23).AddMinutes(59), InquiryChannel.AgencyBatch, InquiryOutcome.Invalid);
            Add(mine.AgencyId, startUtc.AddDays(1), InquiryChannel.PaperLetter, InquiryOutcome.Match); // the next day
            Add(other.AgencyId, startUtc.AddHours(1), InquiryChannel.AgencyApi, InquiryOutcome.Match);
            return await db.SaveChangesAsync();
        });

        var usage = await portal.WithServicesAsync(services =>
            services.GetRequiredService<AgencyUsageReport>().ForAsync(mine.AgencyId, 1000, new AgencyUsageRange(day.AddDays(-1), day.AddDays(1), false), CancellationToken.None));

        Assert.Equal(3, usage.Days.Count);
        var before = usage.Days[0];
        var counted = usage.Days[1];
        var after = usage.Days[2];
        Assert.Equal((1, 0, 0, 1), (before.Verified, before.NotFound, before.Invalid, before.Api));
        Assert.Equal(day, counted.Day);
        Assert.Equal((1, 1, 1), (counted.Verified, counted.NotFound, counted.Invalid));
        Assert.Equal((1, 1, 1, 0), (counted.Api, counted.Portal, counted.Batch, counted.Paper));
        Assert.Equal((1, 1), (after.Verified, after.Paper));
        Assert.Equal(5, usage.Total);
    }
}
