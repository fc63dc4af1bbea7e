using Serilog;

namespace CertificateInquiry.Web.Startup;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog from the <c>Serilog</c> settings section (sinks, levels); see appsettings.json. Each host keeps its own
    /// logger instead of the process-wide <c>Log.Logger</c>: otherwise every host in one process (the test portals)
    /// writes to the sinks of whichever host started last, and a test that reads its portal's log sees the others'.
    /// </summary>
    /// <remarks>
    /// An operator command's standard output is its result (<c>create-agency-client</c> prints one JSON object that
    /// scripts read), so for a command the console sink writes every level to standard error.
    /// </remarks>
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder, bool operatorCommand = false)
    {
        if (operatorCommand)
        {
            // Only where a console sink is configured: an Args entry alone would be a sink without a Name, which
            // Serilog refuses (a command run outside the app's folder has no appsettings.json, hence no sinks).
            var console = builder.Configuration.GetSection("Serilog:WriteTo").GetChildren()
                .FirstOrDefault(sink => string.Equals(sink["Name"], "Console", StringComparison.OrdinalIgnoreCase));
            if (console is not null)
            {
                builder.Configuration.AddInMemoryCollection([new(console.Path + ":Args:standardErrorFromLevel", "Verbose")]);
            }
        }

        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext(),
            preserveStaticLogger: true);
        return builder;
    }
}
