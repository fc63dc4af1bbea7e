using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Features.Agencies;
using CertificateInquiry.Web.Features.AgencyApi;
using CertificateInquiry.Web.Features.Shared;
using CertificateInquiry.Web.Infrastructure.Http;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.WebEncoders;
using Serilog;

namespace CertificateInquiry.Web.Startup;

public static class WebPipelineExtensions
{
    private static readonly CultureInfo Persian = CultureInfo.GetCultureInfo("fa-IR");

    public static WebApplicationBuilder AddWebPipelineServices(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add(new MalformedFormFilter());
            })
            .AddRazorOptions(razor => razor.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));

        // Persian letters go out as themselves, not as &#x...; entities (a third of the size, readable source);
        // markup characters are still encoded.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        // Keys live in the database so that every server behind the load balancer reads the same cookies and tokens;
        // in production a certificate encrypts them at rest.
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("CertificateInquiry")
            .PersistKeysToDbContext<AppDbContext>();
        if (builder.Configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            dataProtection.ProtectKeysWithCertificate(X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, builder.Configuration["DataProtection:CertificatePassword"]));
        }

        builder.Services.Configure<ForwardedHeadersOptions>(options => ConfigureForwardedHeaders(options, builder.Configuration));

        // Every absolute URL comes from Portal:PublicAddress, never from the request's Host (ADR-014).
        builder.Services.AddSingleton(services => PublicAddress.From(
            services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>()));
        builder.Services.AddOptions<HostFilteringOptions>().PostConfigure<PublicAddress, IConfiguration, IHostEnvironment>(
            (options, address, configuration, environment) => PublicAddress.ConfigureAllowedHosts(options, configuration, environment, address));

        // Static assets come from the build's manifest wherever the portal runs from a build output (tests in any
        // environment, not only Development): its pre-compressed files live under obj/. A published site has no such
        // manifest, and this does nothing there.
        builder.WebHost.UseStaticWebAssets();

        // Static text (style sheets, scripts, SVG) is compressed, over HTTPS too; pages and JSON are not: they carry
        // tokens and personal data beside text the visitor chooses, which BREACH could read through compression
        // (ADR-014).
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["text/css", "text/javascript", "application/javascript", "image/svg+xml", "image/x-icon"];
        });

        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "ci.af";
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        if (!builder.Environment.IsDevelopment())
        {
            builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        }

        return builder;
    }

    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        // Production refuses to start without a public address (a missing one throws here, before any request).
        _ = app.Services.GetRequiredService<PublicAddress>();
        AgenciesServiceCollectionExtensions.EnsureTokenKeysConfigured(app.Services, app.Environment);
        var forwarded = ForwardedHeadersSettings.From(app.Configuration);
        forwarded.EnsureUsable(app.Environment, app.Logger);
        if (forwarded.IsBelieved)
        {
            app.UseForwardedHeaders();
        }

        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Persian),
            SupportedCultures = [Persian],
            SupportedUICultures = [Persian],
            RequestCultureProviders = [],
        });

        // Errors never show a stack trace to the public, in any environment: the 500 page is Persian and generic.
        app.UseExceptionHandler("/error/500");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSerilogRequestLogging();
        app.UseMalformedRequestRefusal();
        app.UseSecurityHeaders();
        app.UseResponseCompression();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapHealthChecks("/health");
        // Fingerprinted assets (css/site.{hash}.css, written by the tag helpers) are cached for a year; the plain
        // names are revalidated with their ETag.
        app.MapStaticAssets();
        app.MapControllers().WithStaticAssets();
        app.MapAgencyApiDocumentation();
        return app;
    }

    /// <summary>
    /// X-Forwarded-For and X-Forwarded-Proto are believed only when <c>ForwardedHeaders:Enabled</c> is on, and then only
    /// from the proxies named in <c>ForwardedHeaders:KnownProxies</c> (addresses) or <c>KnownNetworks</c> (CIDR). An
    /// empty list would mean "believe everyone" to ASP.NET Core, so with none named nothing is processed at all (and
    /// Production refuses to start, see <see cref="ForwardedHeadersSettings"/>). This also overrides the framework's
    /// own <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> switch, which believes every sender. See ADR-014.
    /// </summary>
    private static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        var settings = ForwardedHeadersSettings.From(configuration);
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in settings.KnownProxies)
        {
            options.KnownProxies.Add(proxy);
        }

        foreach (var network in settings.KnownNetworks)
        {
            options.KnownIPNetworks.Add(network);
        }

        options.ForwardLimit = 1;
        options.ForwardedHeaders = settings.IsBelieved
            ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
            : ForwardedHeaders.None;
    }
}

/// <summary>The <c>ForwardedHeaders</c> settings section: whether a reverse proxy's headers are believed, and from whom.</summary>
public sealed record ForwardedHeadersSettings(bool Enabled, IReadOnlyList<IPAddress> KnownProxies, IReadOnlyList<System.Net.IPNetwork> KnownNetworks)
{
    public const string Section = "ForwardedHeaders";

    /// <summary>On and at least one proxy named: only then are forwarded headers read.</summary>
    public bool IsBelieved => Enabled && (KnownProxies.Count > 0 || KnownNetworks.Count > 0);

    public static ForwardedHeadersSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new ForwardedHeadersSettings(
            section.GetValue<bool>("Enabled"),
            [.. (section.GetSection("KnownProxies").Get<string[]>() ?? []).Select(IPAddress.Parse)],
            [.. (section.GetSection("KnownNetworks").Get<string[]>() ?? []).Select(n => System.Net.IPNetwork.Parse(n))]);
    }

    /// <summary>
    /// Production does not start with forwarding switched on and no proxy named: the operator meant the portal to sit
    /// behind a proxy, and without its address every client would share the proxy's limits (or, believed blindly,
    /// every client could name its own address).
    /// </summary>
    public void EnsureUsable(IHostEnvironment environment, Microsoft.Extensions.Logging.ILogger logger)
    {
        if (!Enabled || IsBelieved)
        {
            return;
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException(
                "ForwardedHeaders:Enabled is true but neither ForwardedHeaders:KnownProxies nor ForwardedHeaders:KnownNetworks names a proxy: " +
                "name the reverse proxy's address, or switch forwarding off.");
        }

        logger.LogWarning("ForwardedHeaders:Enabled is true but no proxy is named: X-Forwarded-* headers are ignored");
    }
}
