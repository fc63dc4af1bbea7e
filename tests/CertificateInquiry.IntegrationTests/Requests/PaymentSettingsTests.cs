using CertificateInquiry.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CertificateInquiry.IntegrationTests.Requests;

/// <summary>Settings a server must refuse at start-up rather than take money wrongly or not at all.</summary>
public sealed class PaymentSettingsTests
{
    [Fact]
    public void Production_refuses_to_start_with_the_sandbox_gateway_enabled()
    {
        using var portal = new ProductionPortal();

        var exception = Assert.ThrowsAny<Exception>(() => portal.Services);

        Assert.Contains("Payments:Sandbox:Enabled is true in Production", Flatten(exception), StringComparison.Ordinal);
    }

    [Fact]
    public void Sep_enabled_without_a_terminal_number_refuses_to_start()
    {
        using var portal = new SettingsPortal(("Payments:Sep:Enabled", "true"), ("Payments:Sep:BaseAddress", "https://bank.example/"), ("Payments:Sep:TerminalId", ""));

        var exception = Assert.ThrowsAny<Exception>(() => portal.Services);

        Assert.Contains("Payments:Sep:TerminalId must be the terminal number", Flatten(exception), StringComparison.Ordinal);
    }

    private static string Flatten(Exception exception) =>
        exception.InnerException is null ? exception.Message : exception.Message + " | " + Flatten(exception.InnerException);

    private sealed class ProductionPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            foreach (var (key, value) in ProductionTestKeys.Settings(Folder))
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("Payments:Sandbox:Enabled", "true"); // the mistake under test
            builder.UseSetting("Portal:StagingCopy", "false"); // a real server, not a staging copy
        }
    }

    private sealed class SettingsPortal(params (string Key, string Value)[] settings) : PortalFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => settings.ToDictionary(s => s.Key, s => (string?)s.Value);
    }
}
