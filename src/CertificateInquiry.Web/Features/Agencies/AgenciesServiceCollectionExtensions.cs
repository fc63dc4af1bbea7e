using System.Security.Cryptography.X509Certificates;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Infrastructure.Http;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;

namespace CertificateInquiry.Web.Features.Agencies;

public static class AgenciesServiceCollectionExtensions
{
    /// <summary>
    /// The agencies' OAuth server (OpenIddict, ADR-023): the client-credentials flow at <c>/connect/token</c>, secrets
    /// or signed client assertions, short-lived JWT access tokens checked by OpenIddict's validation handler.
    /// </summary>
    public static IServiceCollection AddAgencies(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AgencyTokenOptions.Section);
        services.AddOptions<AgencyTokenOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AgencyTokenOptions>, AgencyTokenOptionsValidator>();
        var options = section.Get<AgencyTokenOptions>() ?? new AgencyTokenOptions();

        var rateLimiting = configuration.GetSection(RateLimitingOptions.Section).Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(limiter => AgencyRateLimits.AddTokenPolicy(limiter, rateLimiting, options));

        services.AddScoped<AgencySecretCheck>();
        services.AddScoped<AgencyRegistry>();
        services.AddScoped<ClientAssertionLedger>();
        services.AddSingleton<AgencyDirectory>();

        services.AddOpenIddict()
            .AddCore(core =>
            {
                core.UseEntityFrameworkCore().UseDbContext<Data.AppDbContext>();
                core.ReplaceApplicationManager<OpenIddictEntityFrameworkCoreApplication, AgencyApplicationManager>();
            })
            .AddServer(server =>
            {
                server.SetTokenEndpointUris("connect/token");
                server.AllowClientCredentialsFlow();
                server.RegisterScopes([.. AgencyScopeNames.All.Select(scope => scope.Name)]);

                // The agency's own scopes (AgencyClient.Scopes, read fresh) decide, in TokenController, which answers
                // invalid_scope as RFC 6749 says; OpenIddict's permission check would answer invalid_request.
                server.IgnoreScopePermissions();
                server.SetAccessTokenLifetime(options.AccessTokenLifetime);

                // Plain signed JWTs: the portal is their only reader, and they carry no personal data.
                server.DisableAccessTokenEncryption();

                // Nothing to revoke or refresh in the client-credentials flow, so no token rows: a suspension is
                // checked on every request instead (AgencyDirectory).
                server.DisableTokenStorage();
                server.DisableAuthorizationStorage();

                if (!string.IsNullOrWhiteSpace(options.TokenCertificatePath))
                {
                    var certificate = X509CertificateLoader.LoadPkcs12FromFile(
                        options.TokenCertificatePath, options.TokenCertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
                    server.AddSigningCertificate(certificate);
                    server.AddEncryptionCertificate(certificate);
                }
                else
                {
                    server.AddEphemeralSigningKey();
                    server.AddEphemeralEncryptionKey();
                }

                var aspNetCore = server.UseAspNetCore().EnableTokenEndpointPassthrough();
                if (!options.RequireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
            });

        // The issuer (the "iss" of tokens, the audience of client assertions) is the configured public address,
        // never the request's Host header, which the client chooses (ADR-014).
        services.AddOptions<OpenIddictServerOptions>().Configure<PublicAddress>((server, address) => server.Issuer = address.Address);
        return services;
    }
}
