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
        builder.Services.AddFakeKavenegar();
        builder.Services.AddFakeFinnotech();
        builder.Services.AddFakeSep();
        builder.Services.AddFakeNationalSignIn();

        var app = builder.Build();
        app.MapFakeKavenegar();
        app.MapFakeFinnotech();
        app.MapFakeSep();
        app.MapFakeNationalSignIn();
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

    /// <summary>The portal settings that send every provider's calls to this server (each fake also has its own).</summary>
    public static IEnumerable<KeyValuePair<string, string>> PortalSettings(Uri address) =>
    [
        .. FakeKavenegar.PortalSettings(address),
        .. FakeFinnotech.PortalSettings(address),
        .. FakeSep.PortalSettings(address),
        .. FakeNationalSignIn.PortalSettings(address),
    ];
}
