using CertificateInquiry.FakeProviders;

// By hand: every fake on one port (http://127.0.0.1:5099 unless --urls says otherwise), printing the settings that
// point a portal at it.
var app = FakeProviderServer.Build(args);
await app.StartAsync();
var address = FakeProviderServer.Address(app);
Console.WriteLine($"Fake providers listening on {address}");
foreach (var (key, value) in FakeProviderServer.PortalSettings(address))
{
    Console.WriteLine($"  {key}={value}");
}

await app.WaitForShutdownAsync();

/// <summary>Internal, so that a test project referencing both this and the portal sees one <c>Program</c>: the portal's.</summary>
internal partial class Program;
