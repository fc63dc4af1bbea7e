using System.Collections.Concurrent;
using CertificateInquiry.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Agencies;

/// <summary>
/// The agencies' standing (scopes, quota, expiry, suspension) as each API request checks it. Read from the database at
/// most every <see cref="MaxAge"/> per agency, so that a suspension made on another server takes effect within that
/// time; on this server it takes effect at once (<see cref="Forget"/>).
/// </summary>
public sealed class AgencyDirectory(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<int, (AgencyStanding? Standing, DateTimeOffset ReadAt)> cache = new();

    public async ValueTask<AgencyStanding?> FindAsync(int agencyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (cache.TryGetValue(agencyId, out var cached) && now - cached.ReadAt < MaxAge)
        {
            return cached.Standing;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var standing = await db.AgencyClients.AsNoTracking()
            .Where(c => c.Id == agencyId)
            .Select(c => new AgencyStanding(c.Id, c.ClientId, c.Name, c.Kind, c.Scopes, c.DailyRowQuota, c.ExpiresOn, c.SuspendedAtUtc != null))
            .SingleOrDefaultAsync(cancellationToken);
        cache[agencyId] = (standing, now);
        return standing;
    }

    /// <summary>Read fresh from the database (a token is about to be issued), and remembered for the requests that follow.</summary>
    public async Task<AgencyStanding?> FindByClientIdAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var standing = await db.AgencyClients.AsNoTracking()
            .Where(c => c.ClientId == clientId)
            .Select(c => new AgencyStanding(c.Id, c.ClientId, c.Name, c.Kind, c.Scopes, c.DailyRowQuota, c.ExpiresOn, c.SuspendedAtUtc != null))
            .SingleOrDefaultAsync(cancellationToken);
        if (standing is not null)
        {
            cache[standing.Id] = (standing, clock.GetUtcNow());
        }

        return standing;
    }

    public void Forget(int agencyId) => cache.TryRemove(agencyId, out _);
}
