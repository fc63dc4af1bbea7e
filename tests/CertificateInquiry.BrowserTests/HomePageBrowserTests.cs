using CertificateInquiry.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertificateInquiry.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class HomePageBrowserTests(BrowserFixture fixture)
{
    private const string FontFile = "/lib/vazirmatn/fonts/webfonts/Vazirmatn-Variable.woff2";

    public static TheoryData<string, int, int> Screens => new()
    {
        { "phone", 360, 740 },
        { "desktop", 1280, 900 },
    };

    [SkippableTheory]
    [MemberData(nameof(Screens))]
    public async Task Home_page_is_persian_right_to_left_in_vazirmatn_and_fits_the_screen(string screen, int width, int height)
    {
        fixture.RequireBrowser();
        var phone = screen == "phone";
        await using var context = await fixture.NewContextAsync(width, height, phone);
        var recorder = new PageRecorder(context);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(fixture.Origin.ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");

        Assert.Equal(200, response!.Status);
        Assert.Equal("rtl", await page.EvaluateAsync<string>("() => document.documentElement.dir"));
        Assert.Equal("fa", await page.EvaluateAsync<string>("() => document.documentElement.lang"));
        await Expect(page).ToHaveTitleAsync("صفحه اصلی | استعلام گواهینامه مهارت");

        // The font is asked for and actually used, not only named: a missing file would fall back silently.
        Assert.Contains("Vazirmatn", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily"));
        Assert.Contains("Vazirmatn", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('h1')).fontFamily"));
        Assert.True(await page.EvaluateAsync<bool>(
            "() => [...document.fonts].some(f => f.family.replace(/[\"']/g, '') === 'Vazirmatn' && f.status === 'loaded')"),
            "No Vazirmatn FontFace has loaded.");
        Assert.True(await page.EvaluateAsync<bool>("() => document.fonts.check('16px Vazirmatn')"));

        // Nothing wider than the screen: no sideways scrolling on a 360-pixel phone.
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"The page is {scrollWidth}px wide on a {width}px screen.");

        // For docs/screenshots: the phone's first screen (what a person sees on opening the portal), the whole desktop page.
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, $"home-{screen}.png"), FullPage = !phone });

        // Every request goes to the portal itself (data: URIs are not requests to anyone).
        var requests = recorder.Requests;
        Assert.Contains(requests, url => new Uri(url).AbsolutePath == FontFile);
        Assert.All(requests, url =>
        {
            var uri = new Uri(url);
            if (uri.Scheme != "data")
            {
                Assert.Equal(fixture.Origin.GetLeftPart(UriPartial.Authority), uri.GetLeftPart(UriPartial.Authority));
            }
        });

        // No failed request, no 4xx/5xx, no console error (a Content-Security-Policy violation would show here).
        Assert.Empty(recorder.Problems);
    }

    [SkippableFact]
    public async Task Phone_menu_opens_with_its_button()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.NewContextAsync(360, 740, phone: true);
        var recorder = new PageRecorder(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Origin.ToString());

        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "منوی اصلی" });
        var button = menu.GetByRole(AriaRole.Button, new() { Name = "منو" });
        var track = menu.GetByRole(AriaRole.Link, new() { Name = "پیگیری درخواست", Exact = true });

        await Expect(button).ToBeVisibleAsync();
        await Expect(button).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(track).ToBeHiddenAsync();

        await button.ClickAsync();

        await Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(track).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link)).ToHaveCountAsync(6);
        await page.AssertAccessibleAsync();
        Assert.Empty(recorder.Problems);
    }

    [SkippableFact]
    public async Task Phone_menu_shows_its_links_without_javascript()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.NewContextAsync(360, 740, phone: true, javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Origin.ToString());

        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "منوی اصلی" });

        // A button that cannot work is not shown; the links are, stacked.
        await Expect(menu.GetByRole(AriaRole.Button)).ToBeHiddenAsync();
        foreach (var name in new[] { "استعلام گواهینامه", "استعلام پروانه مهارت", "درخواست استعلام گواهینامه‌های قبل از ۱۳۹۲", "پیگیری درخواست", "ورود کارشناسان" })
        {
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeVisibleAsync();
        }

        // No axe here: axe-core is a script, and this page has scripts switched off (the same page is checked with them).
    }

    [SkippableFact]
    public async Task Skip_link_is_the_first_stop_and_moves_focus_to_the_content()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.NewContextAsync(1280, 900, phone: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.Origin.ToString());

        var skip = page.GetByRole(AriaRole.Link, new() { Name = "پرش به محتوای اصلی" });
        await page.Keyboard.PressAsync("Tab");

        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("main#main-content")).ToBeFocusedAsync();
        await page.AssertAccessibleAsync();
    }

    [SkippableFact]
    public async Task Error_summary_takes_the_keyboard_focus()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.NewContextAsync(360, 740, phone: true);
        var recorder = new PageRecorder(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Origin, "/__test/invalid").ToString());

        var summary = page.Locator("[data-error-summary]");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync("مشکلی وجود دارد");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "کد ملی را وارد کنید" })).ToHaveAttributeAsync("href", "#NationalCode");
        await Expect(page).ToHaveTitleAsync("خطا: پیگیری درخواست استعلام | استعلام گواهینامه مهارت");
        await page.AssertAccessibleAsync();
        Assert.Empty(recorder.Problems);
    }
}
