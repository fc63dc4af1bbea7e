using Serilog;

namespace CertificateInquiry.Web.Startup;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog from the <c>Serilog</c> settings section (sinks, levels); see appsettings.json. Each host keeps its own
    /// logger instead of the process-wide <c>Log.Logger</c>: otherwise every host in one process (the test portals)
    /// writes to the sinks of whichever host started last, and a test that reads its portal's log sees the others'.
    /// </summary>
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext(),
            preserveStaticLogger: true);
        return builder;
    }
}
