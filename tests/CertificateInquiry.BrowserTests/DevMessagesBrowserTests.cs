using CertificateInquiry.BrowserTests.Infrastructure;
using CertificateInquiry.Web.Infrastructure.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CertificateInquiry.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class DevMessagesBrowserTests(BrowserFixture fixture)
{
    [SkippableFact]
    public async Task Developers_read_the_sent_messages_right_to_left_with_codes_left_to_right()
    {
        fixture.RequireBrowser();
        await fixture.Services.GetRequiredService<ISmsSender>().SendAsync(
            new SmsMessage("browser-dev-sms", "09121234567", "کد تأیید استعلام گواهینامه: 482913 — این کد را به کسی ندهید."), CancellationToken.None);
        await fixture.Services.GetRequiredService<IEmailSender>().SendAsync(
            new EmailMessage(
                "browser-dev-email",
                "maryam@example.org",
                "درخواست استعلام گواهینامه: در حال بررسی (123456789015)",
                "با سلام،\n\nوضعیت درخواست استعلام گواهینامه شما تغییر کرد.\nکد رهگیری: 123456789015\nوضعیت: در حال بررسی"),
            CancellationToken.None);
        await using var context = await fixture.NewContextAsync(1280, 900, phone: false);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(new Uri(fixture.Origin, "/dev/messages").ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");

        Assert.Equal(200, response!.Status);
        Assert.Equal("rtl", await page.EvaluateAsync<string>("() => document.documentElement.dir"));
        var sms = page.Locator("tbody tr", new() { HasText = "482913" });
        Assert.Equal("پیامک", (await sms.Locator("td").First.InnerTextAsync()).Trim());
        Assert.Equal("ltr", await sms.Locator("[dir=ltr]").GetAttributeAsync("dir"));
        Assert.True(await page.Locator("tbody tr", new() { HasText = "maryam@example.org" }).IsVisibleAsync());
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 1280, $"The page is {scrollWidth}px wide.");
        await page.AssertAccessibleAsync();

        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "dev-messages-desktop.png"), FullPage = true });
    }
}
