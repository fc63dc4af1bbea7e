using System.Text.RegularExpressions;
using CertificateInquiry.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CertificateInquiry.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed partial class CaptchaBrowserTests(BrowserFixture fixture, CaptchaBrowserTests.CaptchaServer server, ITestOutputHelper output)
    : IClassFixture<CaptchaBrowserTests.CaptchaServer>
{
    [SkippableFact]
    public async Task Past_the_threshold_a_citizen_ticks_the_box_with_the_keyboard_on_a_phone_and_gets_the_result()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.NewContextAsync(360, 740, phone: true);
        var recorder = new PageRecorder(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server.Origin, "/certificates/lookup").ToString());

        await page.GetByLabel("کد ملی یا کد یکتای اتباع دارنده").FillAsync("0076543218");
        await page.GetByLabel("شماره گواهینامه یا پروانه مهارت").FillAsync("1401-08-000101");
        var box = page.GetByRole(AriaRole.Checkbox, new() { Name = "من ربات نیستم" });
        await Expect(box).ToBeVisibleAsync();
        await box.FocusAsync();
        var started = DateTime.UtcNow;
        await page.Keyboard.PressAsync("Space");

        // The browser does the proof of work in the portal's own worker; the widget then fills its field. The box's
        // name follows its state, so it is found again by role.
        await Expect(page.Locator("altcha-widget").GetByRole(AriaRole.Checkbox, new() { Name = "تایید شد" })).ToBeCheckedAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("altcha-widget input[name='altcha']")).ToHaveValueAsync(AnyValue());
        output.WriteLine($"Verified in {(DateTime.UtcNow - started).TotalMilliseconds:F0} ms");
        await Expect(page.Locator("altcha-widget")).ToContainTextAsync("تایید شد");
        await Expect(page.Locator(".captcha-field [aria-live=polite]")).ToHaveTextAsync("تأیید شد. اکنون می‌توانید فرم را بفرستید."); // said, not only drawn
        await page.AssertAccessibleAsync();
        Assert.Equal("rtl", await page.Locator("altcha-widget [dir]").First.GetAttributeAsync("dir"));
        await Expect(page.Locator("altcha-widget a")).ToHaveCountAsync(0); // no logo or footer linking to the vendor
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 360, $"The form is {scrollWidth}px wide on a 360px screen.");
        await page.EvaluateAsync("() => Promise.all(document.getAnimations().map(a => a.finished))");
        await page.Locator("form.lookup-form").ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "lookup-captcha-phone.png") });

        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "استعلام", Exact = true }).ClickAsync();

        await Expect(page.Locator(".record-card")).ToContainTextAsync("مریم احمدی");
        await Expect(page.Locator(".error-summary")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
        Assert.All(recorder.Requests, url => Assert.Equal(server.Origin.GetLeftPart(UriPartial.Authority), new Uri(url).GetLeftPart(UriPartial.Authority)));
        Assert.Contains(recorder.Requests, url => new Uri(url).AbsolutePath == "/lib/altcha/workers/sha.js");
        Assert.Empty(recorder.Problems); // no Content-Security-Policy violation, no failed request
    }

    [SkippableFact]
    public async Task Pressing_the_button_without_ticking_the_box_verifies_first_and_then_sends_the_form()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.NewContextAsync(1280, 900, phone: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server.Origin, "/licenses/check").ToString());

        await page.GetByLabel("شماره پروانه یا گواهینامه مهارت").FillAsync("1395-17-000103");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "استعلام", Exact = true }).ClickAsync();

        await Expect(page.Locator(".record-card")).ToContainTextAsync("ح. ک.", new() { Timeout = 30_000 });
        await page.AssertAccessibleAsync();
    }

    [GeneratedRegex(".+")]
    private static partial Regex AnyValue();

    /// <summary>A second portal whose every inquiry needs the CAPTCHA (no free inquiries).</summary>
    public sealed class CaptchaServer : IAsyncLifetime
    {
        private PortalServer? portal;

        public Uri Origin => portal?.Origin ?? throw new InvalidOperationException("The portal is not running.");

        public Task InitializeAsync()
        {
            if (File.Exists(BrowserFixture.ChromiumPath))
            {
                portal = new PortalServer(new Dictionary<string, string>
                {
                    ["Captcha:Enabled"] = "true",
                    ["Captcha:FreeInquiriesPerWindow"] = "0",
                });
                portal.Start();
            }

            return Task.CompletedTask;
        }

        public async Task DisposeAsync()
        {
            if (portal is not null)
            {
                await portal.DisposeAsync();
            }
        }
    }
}
