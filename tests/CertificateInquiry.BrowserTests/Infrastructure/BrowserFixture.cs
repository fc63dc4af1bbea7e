using Microsoft.Playwright;

namespace CertificateInquiry.BrowserTests.Infrastructure;

/// <summary>
/// One portal and one headless system Chromium for all browser tests. Playwright never downloads a browser here.
/// Without Chromium the tests are skipped on a developer's machine, and fail under CI=true.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;
    private PortalServer? server;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The portal's origin, e.g. http://127.0.0.1:40123/.</summary>
    public Uri Origin => server?.Origin ?? throw new InvalidOperationException("The portal is not running.");

    /// <summary>The running portal's services: records a journey needs, the development message log for one-time codes.</summary>
    public IServiceProvider Services => server?.Services ?? throw new InvalidOperationException("The portal is not running.");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser is not running.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        server = new PortalServer();
        server.Start();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>Call first in every test: skips (or, under CI=true, fails) when there is no Chromium.</summary>
    /// <summary>A fresh browser context (its own cookies) at a screen size, Persian locale.</summary>
    public Task<IBrowserContext> NewContextAsync(int width, int height, bool phone, bool javaScript = true) =>
        Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            IsMobile = phone,
            HasTouch = phone,
            Locale = "fa-IR",
            JavaScriptEnabled = javaScript,
            ServiceWorkers = ServiceWorkerPolicy.Block,
            AcceptDownloads = true,
        });

    public void RequireBrowser()
    {
        if (browser is not null)
        {
            return;
        }

        if (IsCi)
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}; under CI=true the browser tests must run (apt-get install chromium).");
        }

        Skip.If(true, $"Chromium is not installed at {ChromiumPath} (apt-get install chromium); browser tests skipped. Under CI=true they fail instead.");
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
