using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Features.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using Serilog;

namespace CertificateInquiry.Web.Infrastructure.Startup;

public static class WebPipelineExtensions
{
    private static readonly CultureInfo Persian = CultureInfo.GetCultureInfo("fa-IR");

    public static WebApplicationBuilder AddWebPipelineServices(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
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
        app.UseForwardedHeaders();
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
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapHealthChecks("/health");
        app.MapControllers();
        return app;
    }

    private static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        // Only the proxies named in settings are believed; with none named, X-Forwarded-* is ignored and the
        // socket address is the client (the rate limiter depends on it).
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
