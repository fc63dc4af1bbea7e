using CertificateInquiry.IntegrationTests.Infrastructure;
using CertificateInquiry.Web.Domain.Agencies;
using CertificateInquiry.Web.Features.Agencies;
using CertificateInquiry.Web.Infrastructure.Persian;
using Microsoft.Extensions.DependencyInjection;

namespace CertificateInquiry.IntegrationTests.Agencies;

/// <summary>
/// Registers agencies straight through the portal's <see cref="AgencyRegistry"/> (as the command and the admin page do),
/// for tests that need an agency with a client id and secret: <c>await AgencyClients.RegisterAsync(portal)</c>.
/// </summary>
public static class AgencyClients
{
    public const AgencyScopes AllScopes = AgencyScopes.Verify | AgencyScopes.Person | AgencyScopes.Batch;

    private static int agencies;

    /// <summary>A new agency; <paramref name="expiresInDays"/> counts from the portal's today in Iran (negative: already expired).</summary>
    public static Task<IssuedCredentials> RegisterAsync(
        PortalFactory portal,
        AgencyScopes scopes = AllScopes,
        int quota = 1000,
        int? expiresInDays = null,
        AgencyKind kind = AgencyKind.Government,
        string? name = null) =>
        portal.WithServicesAsync(services =>
        {
            var clock = services.GetRequiredService<TimeProvider>();
            var expiresOn = expiresInDays is { } days ? IranTime.Today(clock).AddDays(days) : (DateOnly?)null;
            var agency = new NewAgency(name ?? $"دستگاه آزمایشی {Interlocked.Increment(ref agencies)}", kind, scopes, quota, expiresOn);
            return services.GetRequiredService<AgencyRegistry>().RegisterAsync(agency, CancellationToken.None);
        });

    /// <summary>Runs one registry operation (rotate, revoke, suspend…) in its own scope.</summary>
    public static Task<T> WithRegistryAsync<T>(PortalFactory portal, Func<AgencyRegistry, Task<T>> action) =>
        portal.WithServicesAsync(services => action(services.GetRequiredService<AgencyRegistry>()));
}
