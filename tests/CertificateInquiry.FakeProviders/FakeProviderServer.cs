using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CertificateInquiry.FakeProviders;

/// <summary>
/// One small web server holding every fake provider, each under its own path prefix. Tests start it on a free port
/// with <see cref="StartAsync"/> and reach each fake's state (what it received, what it should answer next) through
/// <see cref="WebApplication.Services"/>.
/// </summary>
public static class FakeProviderServer
{
    public const string DefaultUrl = "http://127.0.0.1:5099";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddFakeSep();

        var app = builder.Build();
        app.MapFakeSep();
        return app;
    }

    /// <summary>Starts every fake on a free port of 127.0.0.1.</summary>
    public static async Task<WebApplication> StartAsync()
    {
        var app = Build(["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        return app;
    }

    /// <summary>The address the server listens on, without a trailing slash.</summary>
    public static Uri Address(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return new Uri(addresses.Addresses.First());
    }

    /// <summary>The portal settings that send each provider's calls to this server.</summary>
    /// <remarks>
    /// Sep is enabled but not chosen: <c>Payments:Gateway=Sep</c> sends new payments through it (tests that pay
    /// through the sandbox keep working with these settings).
    /// </remarks>
    public static IEnumerable<KeyValuePair<string, string>> PortalSettings(Uri address) =>
    [
        KeyValuePair.Create("Payments:Sep:Enabled", "true"),
        KeyValuePair.Create("Payments:Sep:BaseAddress", new Uri(address, FakeSep.Prefix + "/").ToString()),
        KeyValuePair.Create("Payments:Sep:TerminalId", FakeSep.TerminalId),
        .. FakeTreasuryPaymentIds(),
    ];

    /// <summary>Made-up treasury payment IDs for last, this and next Jalali year (a real gateway refuses a year without one).</summary>
    private static IEnumerable<KeyValuePair<string, string>> FakeTreasuryPaymentIds()
    {
        var year = new System.Globalization.PersianCalendar().GetYear(DateTime.UtcNow);
        return Enumerable.Range(year - 1, 3).Select(y => KeyValuePair.Create(
            "Payments:TreasuryPaymentIds:" + y.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "3690" + y.ToString(System.Globalization.CultureInfo.InvariantCulture) + "00000000001"));
    }
}
