using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain.Agencies;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace CertificateInquiry.Web.Features.Agencies;

/// <summary>
/// Registers agencies and manages their credentials. Each agency is two rows kept in step in one transaction: our
/// <see cref="AgencyClient"/> (scopes, quota, expiry, suspension, secrets) and OpenIddict's application of the same
/// <c>client_id</c> (its permissions and, for signed client assertions, its public keys).
/// </summary>
public sealed class AgencyRegistry(
    AppDbContext db, IOpenIddictApplicationManager applications, AgencyDirectory directory, TimeProvider clock, ILogger<AgencyRegistry> logger)
{
    /// <summary>How long the secrets an agency had keep working after a new one is issued: time to switch without an outage.</summary>
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromDays(7);

    public async Task<IssuedCredentials> RegisterAsync(NewAgency agency, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var secret = AgencySecrets.Generate();
        var client = new AgencyClient
        {
            ClientId = AgencySecrets.NewClientId(),
            Name = agency.Name,
            Kind = agency.Kind,
            Scopes = agency.Scopes,
            DailyRowQuota = agency.DailyRowQuota,
            ExpiresOn = agency.ExpiresOn,
            ContactName = agency.ContactName,
            ContactEmail = agency.ContactEmail,
            ContactPhone = agency.ContactPhone,
            CreatedAtUtc = now,
            Version = Guid.NewGuid(),
        };
        client.Secrets.Add(NewSecret(secret, now));

        await InTransactionAsync(async cancellation =>
        {
            db.AgencyClients.Add(client);
            await db.SaveChangesAsync(cancellation);
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = client.ClientId,

                // OpenIddict wants a confidential client to hold a secret; this one is never shown nor compared: the live
                // secrets are the agency's own (AgencyApplicationManager).
                ClientSecret = AgencySecrets.Generate(),
                ClientType = ClientTypes.Confidential,
                DisplayName = client.Name,
            };
            SetPermissions(descriptor, client.Scopes);
            await applications.CreateAsync(descriptor, cancellation);
            return true;
        }, cancellationToken);

        logger.AgencyRegistered(client.Id, client.ClientId, client.Scopes);
        return new IssuedCredentials(client.Id, client.ClientId, secret);
    }

    /// <summary>
    /// A new secret for a rotation. The agency's other live secrets keep working for <see cref="RotationOverlap"/>
    /// (or less, if they were to end sooner), so that it can switch without an outage.
    /// </summary>
    public async Task<IssuedCredentials?> IssueSecretAsync(int agencyId, CancellationToken cancellationToken)
    {
        var client = await db.AgencyClients.Include(c => c.Secrets).SingleOrDefaultAsync(c => c.Id == agencyId, cancellationToken);
        if (client is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var end = now + RotationOverlap;
        foreach (var old in client.Secrets.Where(s => s.IsLiveAt(now) && (s.ExpiresAtUtc is null || s.ExpiresAtUtc > end)))
        {
            old.ExpiresAtUtc = end;
        }

        var secret = AgencySecrets.Generate();
        client.Secrets.Add(NewSecret(secret, now));
        client.Version = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        logger.SecretIssued(client.Id, AgencySecrets.Hint(secret));
        return new IssuedCredentials(client.Id, client.ClientId, secret);
    }

    /// <summary>Ends one secret now (a leaked one). False when there is no such live secret.</summary>
    public async Task<bool> RevokeSecretAsync(int agencyId, long secretId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var revoked = await db.AgencyClientSecrets
            .Where(s => s.Id == secretId && s.AgencyClientId == agencyId && s.RevokedAtUtc == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.RevokedAtUtc, now), cancellationToken);
        if (revoked == 1)
        {
            logger.SecretRevoked(agencyId, secretId);
        }

        return revoked == 1;
    }

    public async Task<bool> SuspendAsync(int agencyId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.AgencyClients
            .Where(c => c.Id == agencyId && c.SuspendedAtUtc == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(c => c.SuspendedAtUtc, now)
                .SetProperty(c => c.SuspensionReason, reason)
                .SetProperty(c => c.Version, Guid.NewGuid()), cancellationToken);
        directory.Forget(agencyId);
        if (changed == 1)
        {
            logger.AgencySuspended(agencyId);
        }

        return changed == 1;
    }

    public async Task<bool> ReinstateAsync(int agencyId, CancellationToken cancellationToken)
    {
        var changed = await db.AgencyClients
            .Where(c => c.Id == agencyId && c.SuspendedAtUtc != null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(c => c.SuspendedAtUtc, (DateTime?)null)
                .SetProperty(c => c.SuspensionReason, (string?)null)
                .SetProperty(c => c.Version, Guid.NewGuid()), cancellationToken);
        directory.Forget(agencyId);
        if (changed == 1)
        {
            logger.AgencyReinstated(agencyId);
        }

        return changed == 1;
    }

    /// <summary>
    /// Changes what an agency may do. False when someone else changed it since <paramref name="version"/> was read
    /// (nothing is saved), or when it does not exist.
    /// </summary>
    public async Task<bool> UpdateAsync(int agencyId, Guid version, NewAgency changes, CancellationToken cancellationToken)
    {
        var client = await db.AgencyClients.SingleOrDefaultAsync(c => c.Id == agencyId, cancellationToken);
        if (client is null || client.Version != version)
        {
            return false;
        }

        client.Name = changes.Name;
        client.Kind = changes.Kind;
        client.Scopes = changes.Scopes;
        client.DailyRowQuota = changes.DailyRowQuota;
        client.ExpiresOn = changes.ExpiresOn;
        client.ContactName = changes.ContactName;
        client.ContactEmail = changes.ContactEmail;
        client.ContactPhone = changes.ContactPhone;
        client.Version = Guid.NewGuid();

        var saved = await InTransactionAsync(async cancellation =>
        {
            try
            {
                await db.SaveChangesAsync(cancellation);
            }
            catch (DbUpdateConcurrencyException)
            {
                return false;
            }

            var application = await applications.FindByClientIdAsync(client.ClientId, cancellation)
                ?? throw new InvalidOperationException($"Agency {client.Id} has no OAuth application.");
            var descriptor = new OpenIddictApplicationDescriptor();
            await applications.PopulateAsync(descriptor, application, cancellation);
            descriptor.DisplayName = client.Name;
            SetPermissions(descriptor, client.Scopes);
            await applications.UpdateAsync(application, descriptor, cancellation);
            return true;
        }, cancellationToken);
        directory.Forget(agencyId);
        if (!saved)
        {
            db.Entry(client).State = EntityState.Detached; // the refused change is not saved by a later SaveChanges
            return false;
        }

        logger.AgencyChanged(agencyId, client.Scopes);
        return true;
    }

    /// <summary>
    /// Registers the public keys (a JWK Set) with which the agency signs client assertions (private_key_jwt); an empty
    /// text removes them. Returns a Persian error when the text is not a set of public signing keys; a private key is
    /// refused and never stored.
    /// </summary>
    public async Task<string?> SetPublicKeysAsync(int agencyId, string? jwks, CancellationToken cancellationToken)
    {
        JsonWebKeySet? set = null;
        if (!string.IsNullOrWhiteSpace(jwks))
        {
            var refusal = AgencyPublicKeys.Read(jwks, out set);
            if (refusal is not null)
            {
                return refusal;
            }
        }

        var client = await db.AgencyClients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == agencyId, cancellationToken);
        var application = client is null ? null : await applications.FindByClientIdAsync(client.ClientId, cancellationToken);
        if (application is null)
        {
            return "این دستگاه پیدا نشد.";
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        descriptor.JsonWebKeySet = set;
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        logger.PublicKeysChanged(agencyId, set?.Keys.Count ?? 0);
        return null;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction: the caller's, when it has begun one (the admin pages write their
    /// audit entry in it), else one of its own under the provider's execution strategy (SQL Server retries, and a
    /// retrying strategy refuses a transaction begun outside it). The transaction commits when the work returns true.
    /// </summary>
    private async Task<bool> InTransactionAsync(Func<CancellationToken, Task<bool>> work, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work(cancellationToken);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async cancellation =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
            if (!await work(cancellation))
            {
                await transaction.RollbackAsync(cancellation);
                return false;
            }

            await transaction.CommitAsync(cancellation);
            return true;
        }, cancellationToken);
    }

    private static AgencyClientSecret NewSecret(string secret, DateTime now) =>
        new() { Hash = AgencySecrets.Hash(secret), Hint = AgencySecrets.Hint(secret), CreatedAtUtc = now };

    private static void SetPermissions(OpenIddictApplicationDescriptor descriptor, AgencyScopes scopes)
    {
        descriptor.Permissions.Clear();
        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        foreach (var name in AgencyScopeNames.Names(scopes))
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + name);
        }
    }
}
