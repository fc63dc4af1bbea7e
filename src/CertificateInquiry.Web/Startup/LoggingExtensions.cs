using Serilog;

namespace CertificateInquiry.Web.Startup;

public static class LoggingExtensions
{
    /// <summary>Serilog from the <c>Serilog</c> settings section (sinks, levels); see appsettings.json.</summary>
    public static WebApplicationBuilder AddLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());
        return builder;
    }
}
