using CertificateInquiry.Web.Data;
using CertificateInquiry.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CertificateInquiry.Web.Infrastructure.Hosting;

/// <summary>
/// The database leases of <see cref="JobLease"/>: each step is one conditional statement, so of several servers that
/// try at the same moment exactly one holds a job, whatever the provider (SQLite, SQL Server, PostgreSQL).
/// </summary>
public sealed class JobLeases(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>
    /// Takes the job for <paramref name="owner"/> until <paramref name="until"/> if nobody holds it now (the lease has
    /// run out, or the job has never run). The first claim of a job inserts its row; of two servers inserting at once
    /// one gets the unique-key error and is told no.
    /// </summary>
    public async Task<bool> TryClaimAsync(string name, string owner, DateTime until, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.JobLeases
            .Where(l => l.Name == name && l.LeasedUntilUtc <= now)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Owner, owner).SetProperty(l => l.LeasedUntilUtc, until), cancellationToken);
        if (claimed == 1)
        {
            return true;
        }

        if (await db.JobLeases.AsNoTracking().AnyAsync(l => l.Name == name, cancellationToken))
        {
            return false; // held by another server, or not yet due
        }

        db.JobLeases.Add(new JobLease { Name = name, Owner = owner, LeasedUntilUtc = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another server inserted the row first: it holds the job.
            return false;
        }
    }

    /// <summary>Extends a lease <paramref name="owner"/> still holds; false once another server has taken the job.</summary>
    public async Task<bool> RenewAsync(string name, string owner, DateTime until, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.JobLeases
            .Where(l => l.Name == name && l.Owner == owner)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.LeasedUntilUtc, until), cancellationToken) == 1;
    }

    /// <summary>
    /// Ends <paramref name="owner"/>'s pass: nobody takes the job again before <paramref name="nextDueUtc"/> (the
    /// interval from the pass's start, so N servers run it once per interval). Does nothing if the job was lost.
    /// </summary>
    public async Task ReleaseAsync(string name, string owner, DateTime nextDueUtc)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.JobLeases
            .Where(l => l.Name == name && l.Owner == owner)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.LeasedUntilUtc, nextDueUtc), CancellationToken.None);
    }

    /// <summary>The lease row as stored (who holds the job, until when); null before the job has ever run.</summary>
    public async Task<JobLease?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.JobLeases.AsNoTracking().SingleOrDefaultAsync(l => l.Name == name, cancellationToken);
    }
}
