using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Domain;
using CertificateInquiry.Web.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using static CertificateInquiry.IntegrationTests.BackOffice.BackOfficePortal;

namespace CertificateInquiry.IntegrationTests.BackOffice;

/// <summary>
/// What became of the messages sent to an applicant, and what Shahkar and the civil registry said of them, where staff
/// act on it: on the case page, and for national admins on /admin/messages with every message that did not reach its
/// applicant.
/// </summary>
public sealed class MessageStateTests(BackOfficePortal portal) : IClassFixture<BackOfficePortal>
{
    /// <summary>A Tehran request with four text messages: given up on, delivered, not delivered, waiting for a retry.</summary>
    private async Task<(long RequestId, long[] MessageIds)> RequestWithMessagesAsync()
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        var ids = await portal.WithDatabaseAsync(async db =>
        {
            var now = DateTime.UtcNow;
            OutboxMessage Message(string body, Action<OutboxMessage> state)
            {
                var message = new OutboxMessage
                {
                    Channel = NotificationChannel.Sms,
                    Recipient = "09121234567",
                    Body = body,
                    RequestId = seeded.Id,
                    CreatedAtUtc = now,
                    NextAttemptAtUtc = now,
                };
                state(message);
                return message;
            }

            OutboxMessage[] messages =
            [
                Message("رها شده", m => (m.AbandonedAtUtc, m.Attempts, m.LastError) = (now, 1, "Kavenegar 411: recipient number not valid")),
                Message("رسیده", m => (m.SentAtUtc, m.Attempts, m.Delivery) = (now, 1, SmsDelivery.Delivered)),
                Message("نرسیده", m => (m.SentAtUtc, m.Attempts, m.Delivery) = (now, 1, SmsDelivery.Failed)),
                Message("در انتظار", m => (m.Attempts, m.NextAttemptAtUtc, m.LastError) = (1, now.AddHours(1), "Kavenegar 418: account credit spent")),
            ];
            db.Outbox.AddRange(messages);
            await db.SaveChangesAsync();
            return messages.Select(m => m.Id).ToArray();
        });
        return (seeded.Id, ids);
    }

    private static string[] States(IDocument page, string selector) =>
        [.. page.QuerySelectorAll(selector).Select(row => row.GetAttribute("data-notification-state")!)];

    [Fact]
    public async Task The_case_page_shows_each_message_to_the_applicant_with_what_became_of_it()
    {
        var (requestId, _) = await RequestWithMessagesAsync();
        var expert = await portal.SignedInAsync(TehranExpert);

        var page = await CasePages.OpenAsync(expert, requestId);

        // Provincial staff see their request's messages, though /admin/messages is for national admins only (AdminAccessTests).
        Assert.Equal(["فرستاده نشد", "به گوشی رسید", "به گوشی نرسید", "در انتظار تلاش دوباره"], States(page, "[data-notifications] tbody tr"));
        var givenUp = page.QuerySelector("[data-notifications] tbody tr")!;
        Assert.Contains("table-warning", givenUp.ClassName, StringComparison.Ordinal);
        Assert.Contains("Kavenegar 411", givenUp.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_national_admin_sees_every_message_that_did_not_reach_its_applicant_with_its_request()
    {
        var (requestId, ids) = await RequestWithMessagesAsync();
        var admin = await portal.SignedInAsync(NationalAdminEmail);

        var (response, page) = await HtmlPage.GetAsync(admin.Client, "/admin/messages");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shown = page.QuerySelectorAll("[data-problems] tbody tr").Select(row => long.Parse(row.GetAttribute("data-problem")!, CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Contains(ids[0], shown);
        Assert.Contains(ids[2], shown);
        Assert.DoesNotContain(ids[1], shown);
        Assert.DoesNotContain(ids[3], shown);
        var givenUp = page.QuerySelector($"[data-problem='{ids[0]}']")!;
        Assert.NotNull(givenUp.QuerySelector($"a[href='/admin/requests/{requestId}']"));
        Assert.Contains("فرستاده نشد", givenUp.TextContent, StringComparison.Ordinal);
        Assert.Equal("فقط گزارش کار (پیامکی به گوشی نمی‌رسد)", page.QuerySelector("[data-sms-provider]")!.TextContent);
        Assert.True(int.Parse(CertificateInquiry.Web.Infrastructure.Persian.PersianText.NormalizeDigits(page.QuerySelector("[data-count='given-up']")!.TextContent), CultureInfo.InvariantCulture) >= 1);
    }

    [Fact]
    public async Task The_case_page_says_what_Shahkar_and_the_civil_registry_said_of_the_applicant()
    {
        var seeded = await portal.SeedAsync(RequestStatus.UnderReview);
        await portal.WithDatabaseAsync(db => db.Requests.Where(r => r.Id == seeded.Id).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.MobileOwnership, MobileOwnership.NotConfirmed)
            .SetProperty(r => r.IdentityCheck, IdentityCheck.Differs)
            .SetProperty(r => r.IdentityDifferences, "LastName,FatherName")));
        var expert = await portal.SignedInAsync(TehranExpert);

        var page = await CasePages.OpenAsync(expert, seeded.Id);

        Assert.Equal("شماره همراه با شاهکار تأیید نشد (سامانه شاهکار در دسترس نبود).", page.QuerySelector("[data-mobile-ownership]")!.TextContent.Trim());
        Assert.Equal("با ثبت احوال یکی نیست: نام خانوادگی، نام پدر. تصمیم با کارشناس است.", page.QuerySelector("[data-identity-check]")!.TextContent.Trim());
    }
}
