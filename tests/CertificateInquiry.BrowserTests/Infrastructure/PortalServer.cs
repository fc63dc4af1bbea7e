using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.BrowserTests.Infrastructure;

/// <summary>
/// The real portal on Kestrel, on a free loopback port, with its own SQLite file in a temporary folder
/// (deleted afterwards), no demo data and the test-only pages of <see cref="TestEndpointsController"/>:
/// a browser reaches it like any web site.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    private readonly string folder = Directory.CreateTempSubdirectory("ci-browser-").FullName;
    private readonly IReadOnlyDictionary<string, string> settings;

    // Chosen before start: the portal's public address (payment callback, QR codes) must name the port it listens on.
    private readonly int port = FreeLoopbackPort();

    /// <param name="settings">Settings over the defaults below, e.g. the CAPTCHA switched on.</param>
    public PortalServer(IReadOnlyDictionary<string, string>? settings = null)
    {
        this.settings = settings ?? new Dictionary<string, string>();
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    /// <summary>The portal's origin, e.g. http://127.0.0.1:40123/.</summary>
    public Uri Origin { get; private set; } = null!;

    /// <summary>Starts Kestrel and reads the port it was given.</summary>
    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Origin = new Uri(addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(folder, "portal.db")};Pooling=False");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Portal:PublicAddress", $"http://127.0.0.1:{port}");
        builder.UseSetting("Database:SeedDemoData", "true"); // the journeys look up the README's demo records
        builder.UseSetting("RateLimiting:Enabled", "false");
        builder.UseSetting("Database:DataFolder", folder); // uploaded documents stay out of the source tree
        builder.UseSetting("Payments:Sandbox:Enabled", "true");
        builder.UseSetting("Captcha:Enabled", "false");

        // SMS and email go to the development message log; journeys read one-time codes at /dev/messages.
        builder.UseSetting("Sms:Provider", "Log");
        builder.UseSetting("Email:Provider", "Log");
        builder.UseSetting("Notifications:ShowDevelopmentMessages", "true");
        builder.UseSetting("Notifications:PollInterval", "00:00:00.200");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(folder, "logs", "portal-.log"));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
            services.AddControllers().AddApplicationPart(typeof(TestEndpointsController).Assembly));
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow shutdown: the OS temp cleaner takes it.
            }
        }
    }
}
