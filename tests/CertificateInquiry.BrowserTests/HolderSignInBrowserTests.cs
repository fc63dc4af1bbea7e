using CertificateInquiry.BrowserTests.Infrastructure;
using CertificateInquiry.FakeProviders;
using CertificateInquiry.Web.Infrastructure.Notifications;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CertificateInquiry.BrowserTests;

/// <summary>
/// A holder signs in to «کارنامه مهارتی من» on a phone through the fake national sign-in (a real OpenID Connect
/// provider on its own origin): the portal's button, the provider's page, back signed in; then out again, through the
/// provider's end-session page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HolderSignInBrowserTests(BrowserFixture fixture, HolderSignInBrowserTests.SignInServer server)
    : IClassFixture<HolderSignInBrowserTests.SignInServer>
{
    private const string NationalCode = "0084575948";

    [SkippableFact]
    public async Task A_holder_signs_in_through_the_national_sign_in_on_a_phone_and_out_again()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.NewContextAsync(390, 844, phone: true);
        var recorder = new PageRecorder(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server.Origin, "/my/sign-in?returnUrl=%2Fmy%2Fsign-in").ToString());

        await Expect(page.Locator("h1")).ToHaveTextAsync("ورود به کارنامه مهارتی من");
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "holder-sign-in.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "ورود با پنجره ملی خدمات دولت هوشمند" }).ClickAsync();

        // The provider's page, on the provider's origin.
        await Expect(page.Locator("h1")).ToHaveTextAsync("پنجره ملی خدمات دولت هوشمند");
        Assert.StartsWith(server.ProviderOrigin.ToString(), page.Url, StringComparison.Ordinal);
        await page.GetByLabel("کد ملی").FillAsync(PersianText.ToPersianDigits(NationalCode));
        await page.GetByRole(AriaRole.Button, new() { Name = "ورود", Exact = true }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("شما وارد شده‌اید");
        Assert.Equal("/my/sign-in", new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("[data-signed-in-as]")).ToContainTextAsync(PersianText.ToPersianDigits(NationalCode));
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "holder-signed-in.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "خروج" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToHaveTextAsync("از کارنامه مهارتی خود خارج شدید.");
        Assert.Single(server.Provider.EndedSessions);
        Assert.DoesNotContain(recorder.Problems, problem => problem.Contains(server.Origin.ToString(), StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task Without_the_national_sign_in_a_holder_signs_in_with_a_code_by_sms_on_a_phone()
    {
        const string mobile = "09187650001";
        fixture.RequireBrowser();
        await using var context = await fixture.NewContextAsync(390, 844, phone: true);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.Origin, "/my/sign-in?returnUrl=%2Fmy%2Fsign-in").ToString());

        // The shared portal runs without Shahkar, in Testing: the page says the number is not checked.
        await Expect(page.Locator("[data-ownership-not-checked]")).ToHaveTextAsync("محیط توسعه: مالکیت شماره بررسی نمی‌شود.");
        await page.GetByLabel("کد ملی یا کد یکتای اتباع").FillAsync("۰۰۸۴۵۷۵۹۴۸");
        await page.GetByLabel("شماره تلفن همراه").FillAsync(mobile);
        await page.AssertAccessibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "holder-sign-in-mobile.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "فرستادن کد ورود" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("کد ورود");
        var code = fixture.Services.GetRequiredService<DevelopmentMessageLog>().LastCodeSentTo(mobile)!;
        await page.GetByLabel("کد ورود").FillAsync(code);
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "ورود", Exact = true }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("شما وارد شده‌اید");
        await Expect(page.Locator("[data-signed-in-as]")).ToContainTextAsync("کد پیامکی");
    }

    /// <summary>The fake providers and a portal whose holders sign in through the fake national sign-in.</summary>
    public sealed class SignInServer : IAsyncLifetime
    {
        private WebApplication? fakes;
        private PortalServer? portal;

        public Uri Origin => portal?.Origin ?? throw new InvalidOperationException("The portal is not running.");

        public Uri ProviderOrigin => FakeProviderServer.Address(fakes!);

        public FakeNationalSignIn Provider => fakes!.Services.GetRequiredService<FakeNationalSignIn>();

        public async Task InitializeAsync()
        {
            if (!File.Exists(BrowserFixture.ChromiumPath))
            {
                return;
            }

            fakes = await FakeProviderServer.StartAsync();
            portal = new PortalServer(FakeNationalSignIn.PortalSettings(FakeProviderServer.Address(fakes)).ToDictionary(s => s.Key, s => s.Value));
            portal.Start();
        }

        public async Task DisposeAsync()
        {
            if (portal is not null)
            {
                await portal.DisposeAsync();
            }

            if (fakes is not null)
            {
                await fakes.DisposeAsync();
            }
        }
    }
}
