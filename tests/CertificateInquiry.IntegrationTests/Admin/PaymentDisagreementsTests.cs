using System.Globalization;
using System.Net;
using CertificateInquiry.IntegrationTests.Requests;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain.Requests;

namespace CertificateInquiry.IntegrationTests.Admin;

/// <summary>/admin/payments/disagreements: the daily list, for national admins, of payments the portal and the gateway see differently.</summary>
public sealed class PaymentDisagreementsTests(AdminPortal portal) : IClassFixture<AdminPortal>
{
    [Fact]
    public async Task Yesterdays_list_shows_a_verified_payment_not_applied_and_an_open_one_but_not_a_paid_or_failed_one()
    {
        var draft = await new PaymentJourney(portal).CreateCompleteDraftAsync();
        var yesterday = portal.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
        var ids = await portal.WithDatabaseAsync(async db =>
        {
            Payment Row(PaymentStatus status, string? reference) => new()
            {
                RequestId = draft.Id, AmountRials = 3_000_000, Gateway = "Sep", Authority = Guid.NewGuid().ToString("N"), Status = status,
                ReferenceNumber = reference, CreatedAtUtc = yesterday,
            };
            var rows = new[] { Row(PaymentStatus.Failed, "123456789012"), Row(PaymentStatus.Pending, null), Row(PaymentStatus.Paid, "223456789012"), Row(PaymentStatus.Failed, null) };
            db.Payments.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)).ToArray();
        });
        var (admin, _) = await portal.SignInNationalAdminAsync();

        var (response, page) = await HtmlPage.GetAsync(admin.Client, "/admin/payments/disagreements");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = page.QuerySelectorAll("[data-disagreements] tbody tr").Select(row => (row.GetAttribute("data-payment"), row.GetAttribute("data-kind"))).ToList();
        Assert.Contains((ids[0], "VerifiedNotApplied"), listed);
        Assert.Contains((ids[1], "OpenPastWindow"), listed);
        Assert.DoesNotContain(listed, row => row.Item1 == ids[2] || row.Item1 == ids[3]);
    }
}
