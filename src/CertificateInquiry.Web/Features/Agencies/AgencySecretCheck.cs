using CertificateInquiry.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Features.Agencies;

/// <summary>Whether a presented client secret is one of an agency's live secrets (there may be several during a rotation).</summary>
public sealed class AgencySecretCheck(AppDbContext db, TimeProvider clock)
{
    public async Task<bool> IsLiveAsync(string clientId, string secret, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hashes = await db.AgencyClientSecrets
            .Where(s => db.AgencyClients.Any(c => c.Id == s.AgencyClientId && c.ClientId == clientId)
                && s.RevokedAtUtc == null && (s.ExpiresAtUtc == null || s.ExpiresAtUtc > now))
            .Select(s => s.Hash)
            .ToListAsync(cancellationToken);

        // Every live hash is compared, so the time taken does not tell how many there are or which one matched.
        var matched = false;
        foreach (var hash in hashes)
        {
            matched |= AgencySecrets.Matches(hash, secret);
        }

        return matched;
    }
}
