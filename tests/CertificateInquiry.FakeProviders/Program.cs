namespace CertificateInquiry.FakeProviders;

/// <summary>
/// By hand: every fake on one port (http://127.0.0.1:5099 unless --urls says otherwise), printing the settings that
/// point a portal at it. A class of its own, not top-level statements, whose Program would clash with the portal's in
/// the tests that reference both.
/// </summary>
public static class FakeProvidersProgram
{
    public static async Task Main(string[] args)
    {
        var app = FakeProviderServer.Build(args);
        await app.StartAsync();
        var address = FakeProviderServer.Address(app);
        Console.WriteLine($"Fake providers listening on {address}");
        foreach (var (key, value) in FakeProviderServer.PortalSettings(address))
        {
            Console.WriteLine($"  {key}={value}");
        }

        Console.WriteLine("  Payments:Gateway=Sep   (to pay through the fake bank; docs/providers/README.md runs a Production-mode portal against these fakes)");

        await app.WaitForShutdownAsync();
    }
}
