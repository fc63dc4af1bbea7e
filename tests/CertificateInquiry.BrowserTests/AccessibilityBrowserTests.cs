using CertificateInquiry.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertificateInquiry.BrowserTests;

/// <summary>What axe-core does not measure: the contrast of what is not text (WCAG 1.4.11), as the browser draws it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture fixture)
{
    // WCAG's relative luminance and contrast ratio, on the colours the browser computed.
    private const string ContrastScript = """
        (() => {
          const rgb = c => c.match(/[\d.]+/g).slice(0, 3).map(Number);
          const lum = c => rgb(c).map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
          return (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
        })()
        """;

    [SkippableFact]
    public async Task Inputs_radios_and_the_focus_ring_stand_out_from_the_page_at_three_to_one()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.NewContextAsync(1280, 900, phone: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Origin, "/requests/new").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "شروع درخواست" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("مشخصات متقاضی");

        var input = page.GetByLabel("کد ملی یا کد یکتای اتباع دارنده");
        await input.FocusAsync(); // a text field always shows its focus ring (:focus-visible)
        var measured = await page.EvaluateAsync<Dictionary<string, double>>($$"""
            () => {
              const contrast = {{ContrastScript}};
              const page = getComputedStyle(document.body).backgroundColor;
              const field = document.getElementById('NationalCode');
              const radio = document.querySelector('input[type=radio]');
              const focused = getComputedStyle(document.activeElement);
              return {
                inputBorderOnPage: contrast(getComputedStyle(field).borderTopColor, page),
                inputBorderOnItsFill: contrast(getComputedStyle(field).borderTopColor, getComputedStyle(field).backgroundColor),
                radioBorderOnPage: contrast(getComputedStyle(radio).borderTopColor, page),
                focusRingOnPage: contrast(focused.outlineColor, page),
                focusRingWidth: parseFloat(focused.outlineWidth),
              };
            }
            """);

        Assert.True(measured["inputBorderOnPage"] >= 3, $"An input's border is {measured["inputBorderOnPage"]:F2}:1 on the page.");
        Assert.True(measured["inputBorderOnItsFill"] >= 3, $"An input's border is {measured["inputBorderOnItsFill"]:F2}:1 on its own fill.");
        Assert.True(measured["radioBorderOnPage"] >= 3, $"A radio button's border is {measured["radioBorderOnPage"]:F2}:1 on the page.");
        Assert.True(measured["focusRingOnPage"] >= 3, $"The focus ring is {measured["focusRingOnPage"]:F2}:1 on the page.");
        Assert.True(measured["focusRingWidth"] >= 2, $"The focus ring is {measured["focusRingWidth"]}px wide.");
        await page.AssertAccessibleAsync();
    }
}
