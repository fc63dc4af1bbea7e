using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.IntegrationTests.Shell;
using CertificateInquiry.Web.Infrastructure.Notifications;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.DevMessages;

public sealed class DevMessagesPageTests
{
    [Fact]
    public async Task Is_not_there_outside_development_unless_switched_on()
    {
        using var portal = new PortalFactory();

        var (response, page) = await HtmlPage.GetAsync(portal.CreateClient(), "/dev/messages");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("پیام‌های فرستاده‌شده", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_each_message_with_channel_recipient_Jalali_time_and_text()
    {
        using var portal = new DevMessagesPortal();
        await portal.Services.GetRequiredService<ISmsSender>()
            .SendAsync(new SmsMessage("test-sms-1", "09121234567", "کد تأیید استعلام گواهینامه: 123456 — این کد را به کسی ندهید."), CancellationToken.None);
        await portal.Services.GetRequiredService<IEmailSender>()
            .SendAsync(new EmailMessage("test-email-1", "maryam@example.org", "درخواست استعلام گواهینامه: در حال بررسی", "با سلام،\n\nوضعیت: در حال بررسی"), CancellationToken.None);

        var (response, page) = await HtmlPage.GetAsync(portal.CreateClient(), "/dev/messages");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("tbody tr").Select(row => row.QuerySelectorAll("td").Select(cell => cell.Text()).ToArray()).ToList();
        Assert.Equal(2, rows.Count);

        var logged = portal.Messages.Messages();
        Assert.Equal("ایمیل", rows[0][0]); // newest first
        Assert.Equal("maryam@example.org", rows[0][1]);
        Assert.Equal(JalaliDate.FormatPersian(logged[0].AtUtc), rows[0][2]);
        Assert.Contains("درخواست استعلام گواهینامه: در حال بررسی", rows[0][3], StringComparison.Ordinal);
        Assert.Equal("پیامک", rows[1][0]);
        Assert.Equal("09121234567", rows[1][1]);
        Assert.Matches("^[۰-۹]{4}/[۰-۹]{2}/[۰-۹]{2} [۰-۹]{2}:[۰-۹]{2}$", rows[1][2]);
        Assert.Contains("123456", rows[1][3], StringComparison.Ordinal);
    }

    private sealed class DevMessagesPortal : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Notifications:ShowDevelopmentMessages"] = "true",
        };
    }
}
